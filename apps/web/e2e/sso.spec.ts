import { expect } from '@playwright/test';
import { AppHeader } from './pages/app-header';
import { BucketListPage } from './pages/bucket-list-page';
import { LoginPage } from './pages/login-page';
import { ProviderPages } from './pages/provider-pages';
import { test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';
import { ssoURL } from './servers';

// Single sign-on (issue 21) on the SSO server (sso-server.mjs): a real OpenID provider whose
// `team-a` group gets the profile's buckets `team-a-*` only.
test.use({ baseURL: ssoURL, storageState: SIGNED_OUT });

test('sign in through the provider, see only the allowed buckets, sign out at the provider too', async ({
  page,
}) => {
  const login = new LoginPage(page);
  const buckets = new BucketListPage(page);
  const header = new AppHeader(page);
  const provider = new ProviderPages(page);

  await page.goto('/');
  await expect(login.ssoButton).toHaveText('Sign in with Test ID');
  // The one profile is single sign-on's alone: no password or key form beside the button.
  await expect(login.form).toHaveCount(0);
  await login.ssoButton.click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await provider.signIn('bob');

  await expect(buckets.heading).toBeVisible();
  await expect(header.root.getByText('Bob Builder')).toBeVisible();
  await expect(buckets.bucketLink('team-a-docs')).toBeVisible();
  await expect(buckets.bucketLink('team-a-logs')).toBeVisible();
  await expect(buckets.bucketLink('team-b-docs')).toHaveCount(0);

  await header.signOutButton.click();
  await provider.confirmSignOut();
  await expect(page).toHaveURL(`${ssoURL}/`);
  await expect(login.ssoButton).toBeVisible();
  // The provider's session ended too: signing in again asks for the login.
  await login.ssoButton.click();
  await expect(page.getByPlaceholder('Enter any login')).toBeVisible();
});

test('someone with no role is refused with a page that says so', async ({ page }) => {
  const login = new LoginPage(page);
  await page.goto('/');
  await login.ssoButton.click();
  await new ProviderPages(page).signIn('erin');
  await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(login.ssoButton).toBeVisible();
});

test('several roles: pick a connection, switch to the other from the header', async ({ page }) => {
  const login = new LoginPage(page);
  const buckets = new BucketListPage(page);
  const header = new AppHeader(page);
  await page.goto('/');
  await login.ssoButton.click();
  await new ProviderPages(page).signIn('carol');

  await expect(page).toHaveURL(`${ssoURL}/sso/profile`);
  const choices = page.getByRole('list', { name: 'Connections' });
  await expect(choices.getByRole('button')).toHaveText(['team', 'audit']);
  await choices.getByRole('button', { name: 'team' }).click();
  await expect(page).toHaveURL(`${ssoURL}/`);
  await expect(buckets.bucketLink('team-a-docs')).toBeVisible();
  await expect(buckets.bucketLink('team-b-docs')).toHaveCount(0);
  await expect(header.readOnlyBadge).toHaveCount(0);

  await header.root.getByRole('link', { name: 'Switch connection' }).click();
  await choices.getByRole('button', { name: 'audit' }).click();
  await expect(buckets.bucketLink('team-b-docs')).toBeVisible();
  await expect(header.readOnlyBadge).toBeVisible();
  await expect(buckets.createButton).toHaveCount(0);
});

import { expect } from '@playwright/test';
import { SESSION_PATH, SessionResponseSchema } from '@stowage/shared';
import { DEMO_BUCKET, STORE_KEYS } from './support/demo';
import { test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';

test.use({ storageState: SIGNED_OUT });

test('on the embedded demo store the login page shows its keys, and they sign in', async ({
  page,
  loginPage,
  bucketList,
}) => {
  // The API says so on the public session answer: the embedded store's profile, its demo keys.
  const session = SessionResponseSchema.parse(await (await page.request.get(SESSION_PATH)).json());
  expect(session.profiles.map((p) => p.demoKeys)).toEqual([STORE_KEYS]);

  await page.goto('/');
  await expect(loginPage.demoKeys).toBeVisible();
  await expect(loginPage.demoKeys).toContainText('built-in demo store');
  await expect(loginPage.demoKeys.getByText(STORE_KEYS.accessKeyId).first()).toBeVisible();

  await loginPage.signIn(STORE_KEYS);
  await expect(bucketList.bucketLink(DEMO_BUCKET)).toBeVisible();
});

import { expect } from '@playwright/test';
import { SESSION_PATH, SessionResponseSchema } from '@stowage/shared';
import { test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';

test.use({ storageState: SIGNED_OUT });

test('a configured store (Ceph RGW) shows no demo keys on the login page', async ({
  page,
  loginPage,
}) => {
  const session = SessionResponseSchema.parse(await (await page.request.get(SESSION_PATH)).json());
  expect(session.profiles.length).toBeGreaterThan(0);
  for (const profile of session.profiles) expect(profile.demoKeys).toBeUndefined();

  await page.goto('/');
  await expect(loginPage.form).toBeVisible();
  await expect(loginPage.demoKeys).toHaveCount(0);
  await expect(page.getByText('demo store')).toHaveCount(0);
});

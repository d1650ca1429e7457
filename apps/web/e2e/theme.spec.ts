import { expect, type Page } from '@playwright/test';
import { test } from './support/fixtures';

// The light / dark / system choice, kept in this browser, applied before the app's code runs.

const LIGHT_BG = 'rgb(245, 246, 248)';
const DARK_BG = 'rgb(15, 18, 22)';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('the theme menu switches light and dark, keeps the choice, and System follows the OS', async ({
  page,
  bucketList,
  appHeader,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await bucketList.goto();
  await expect(appHeader.theme).toHaveValue('system');
  expect(await bodyBackground(page)).toBe(LIGHT_BG);

  await appHeader.theme.selectOption('dark');
  await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
  await page.reload();
  await expect(appHeader.theme).toHaveValue('dark');
  expect(await bodyBackground(page)).toBe(DARK_BG);

  // Light wins over a dark OS.
  await page.emulateMedia({ colorScheme: 'dark' });
  await appHeader.theme.selectOption('light');
  await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);

  // System: the OS decides again.
  await appHeader.theme.selectOption('system');
  await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
  expect(await page.evaluate(() => localStorage.getItem('stowage-theme'))).toBeNull();
});

test('a stored theme applies before the app runs: no flash of the other one', async ({
  page,
  bucketList,
  appHeader,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await bucketList.goto();
  await appHeader.theme.selectOption('dark');

  // The app's own scripts withheld: what paints first is the page and its styles alone.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await background(page)).toBe('#0f1216');
  await expect(appHeader.theme).toHaveCount(0);
});

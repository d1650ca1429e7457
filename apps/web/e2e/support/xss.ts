import { expect, type Page } from '@playwright/test';

/** Any dialog (alert, confirm…) is script that ran: the test records it and fails at the end. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** A payload that ran sets `window.__pwned`: it must still be unset. */
export async function expectNotPwned(page: Page) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

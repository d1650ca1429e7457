import type { Locator, Page } from '@playwright/test';

/** The header of every signed-in page: who is signed in, "read-only", the sign-out buttons. */
export class AppHeader {
  readonly root: Locator;
  readonly readOnlyBadge: Locator;
  readonly signOutButton: Locator;
  readonly signOutEverywhereButton: Locator;
  /** The theme choice: "system", "light" or "dark" (a select). */
  readonly theme: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('banner');
    this.readOnlyBadge = this.root.getByText('read-only', { exact: true });
    this.signOutButton = this.root.getByRole('button', { name: 'Sign out', exact: true });
    this.signOutEverywhereButton = this.root.getByRole('button', { name: 'Sign out everywhere' });
    this.theme = this.root.getByRole('combobox', { name: 'Theme' });
  }
}

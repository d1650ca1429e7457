import type { Locator, Page } from '@playwright/test';

/** The toasts ("Deleted 3 objects", "Tags saved"), bottom centre, with their Undo. */
export class Toasts {
  readonly region: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: /^Notifications/ });
  }

  /** The toast that says this (a substring). */
  toast(text: string): Locator {
    return this.region.getByRole('listitem').filter({ hasText: text });
  }

  /** A toast's action button ("Undo"). */
  action(text: string, label: string): Locator {
    return this.toast(text).getByRole('button', { name: label, exact: true });
  }
}

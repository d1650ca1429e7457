import type { Locator, Page } from '@playwright/test';

/**
 * "Copy to…" / "Move to…" (the destination picker, titled "Copy 2 items"): the destination
 * it shows, its list of buckets or folders, "Or type a path", and its confirm button
 * ("Copy 2 items to b/dest/").
 */
export class DestinationPicker {
  readonly root: Locator;
  readonly destination: Locator;
  readonly pathInput: Locator;
  readonly confirmButton: Locator;

  constructor(page: Page, title: string) {
    this.root = page.getByRole('dialog', { name: title, exact: true });
    this.destination = this.root.getByTestId('destination-path');
    this.pathInput = this.root.getByRole('textbox', { name: 'Or type a path' });
    this.confirmButton = this.root.getByRole('button', { name: /^(Copy|Move) \d+ items? to / });
  }

  /** "↑ Up" or "↑ All buckets". */
  async up(): Promise<void> {
    await this.root.getByRole('button', { name: /^↑ / }).click();
  }

  /** Opens a bucket or a folder of the list by its shown name. */
  async open(name: string): Promise<void> {
    await this.root.getByRole('listitem').getByRole('button', { name, exact: true }).click();
  }
}

/** "Rename a.txt" / "Rename folder album": the name field and "Rename". */
export class RenameDialog {
  readonly root: Locator;
  readonly name: Locator;

  constructor(page: Page, title: string) {
    this.root = page.getByRole('dialog', { name: title, exact: true });
    this.name = this.root.getByRole('textbox', { name: 'New name' });
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await this.root.getByRole('button', { name: 'Rename', exact: true }).click();
  }
}

/**
 * A dialog of the organize flow by its title: the drop's "Move 3 items to x/?", the conflict
 * question ("Some names are taken"), or an operation's progress and report ("Copy 2 items to
 * b/dest/": its status line "Copied 2 objects").
 */
export class OrganizeDialog {
  readonly root: Locator;
  readonly status: Locator;

  constructor(page: Page, title: string | RegExp) {
    this.root = page.getByRole('dialog', { name: title, exact: true });
    this.status = this.root.getByRole('status');
  }

  async click(button: string): Promise<void> {
    await this.root.getByRole('button', { name: button, exact: true }).click();
  }
}

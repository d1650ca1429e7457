import type { Locator, Page } from '@playwright/test';

/** A delete confirmation ("Delete 4 objects?", "Delete folder sub/?"), by its title. */
export class DeleteDialog {
  readonly root: Locator;
  /** What it reports once done ("Deleted 4 objects"). */
  readonly status: Locator;

  constructor(page: Page, title: string) {
    this.root = page.getByRole('dialog', { name: title });
    this.status = this.root.getByRole('status');
  }

  async confirm(): Promise<void> {
    await this.root.getByRole('button', { name: 'Delete', exact: true }).click();
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close' }).click();
  }
}

/** "New text object": a name in the open folder and the text to save there. */
export class NewTextDialog {
  readonly root: Locator;
  readonly name: Locator;
  readonly content: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'New text object' });
    this.name = this.root.getByLabel('Name', { exact: true });
    this.content = this.root.getByLabel('Content', { exact: true });
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save' }).click();
  }
}

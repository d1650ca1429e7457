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

/** "New folder": a folder name in the open folder; its error says why a name is refused. */
export class NewFolderDialog {
  readonly root: Locator;
  readonly name: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'New folder' });
    this.name = this.root.getByLabel('Folder name', { exact: true });
  }

  async create(name: string): Promise<void> {
    await this.name.fill(name);
    await this.root.getByRole('button', { name: 'Create' }).click();
  }
}

/** "Make this version current?" (a version's Restore). */
export class RestoreVersionDialog {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Make this version current?' });
  }

  async confirm(): Promise<void> {
    await this.root.getByRole('button', { name: 'Restore', exact: true }).click();
  }
}

/** "Delete version <id> permanently?" (or "delete marker"): the short id typed to confirm. */
export class DeleteVersionDialog {
  readonly root: Locator;
  readonly confirmText: Locator;
  readonly deleteButton: Locator;

  constructor(page: Page, shortId: string, kind: 'version' | 'delete marker' = 'version') {
    this.root = page.getByRole('dialog', { name: `Delete ${kind} ${shortId} permanently?` });
    this.confirmText = this.root.getByLabel(`Type ${shortId} to confirm`);
    this.deleteButton = this.root.getByRole('button', { name: 'Delete permanently' });
  }
}

/** "Enable versioning on <bucket>?" / "Suspend versioning on <bucket>?" (the bucket header). */
export class VersioningDialog {
  readonly root: Locator;
  readonly confirmButton: Locator;

  constructor(page: Page, action: 'Enable' | 'Suspend', bucket: string) {
    this.root = page.getByRole('dialog', { name: `${action} versioning on ${bucket}?` });
    this.confirmButton = this.root.getByRole('button', { name: `${action} versioning` });
  }
}

/** "Keyboard shortcuts" (the `?` key): a row per shortcut, its keys as the row header. */
export class ShortcutsDialog {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** The row of one shortcut by its keys as shown ("j or ↓", "g then b"). */
  shortcut(keys: string): Locator {
    return this.root.getByRole('rowheader', { name: keys, exact: true });
  }
}

/** An upload's "A file already exists" / "N files already exist": its question and choices. */
export class UploadConflictDialog {
  readonly root: Locator;
  /** The sentence that asks ("… Overwrite it, skip it, or keep both …?"). */
  readonly question: Locator;

  constructor(page: Page, title: string) {
    this.root = page.getByRole('dialog', { name: title });
    this.question = this.root.getByText(/Overwrite (it|them),/);
  }

  async choose(choice: 'Cancel upload' | 'Skip' | 'Keep both' | 'Overwrite'): Promise<void> {
    await this.root.getByRole('button', { name: choice, exact: true }).click();
  }
}

/** Any of the app's dialogs by its exact title (the a11y audit opens each in turn). */
export function dialogTitled(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title, exact: true });
}

import type { Locator, Page } from '@playwright/test';

/** "Create bucket": the name (checked as typed), region, versioning and object lock. */
export class CreateBucketDialog {
  readonly root: Locator;
  readonly name: Locator;
  /** The name's message: which naming rule it breaks. */
  readonly nameError: Locator;
  readonly region: Locator;
  readonly versioning: Locator;
  readonly objectLock: Locator;
  readonly submit: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Create bucket' });
    this.name = this.root.getByLabel('Bucket name');
    this.nameError = this.root.locator(`[id$="-error"]`);
    this.region = this.root.getByLabel('Region (optional)');
    this.versioning = this.root.getByRole('checkbox', { name: /^Versioning/ });
    this.objectLock = this.root.getByRole('checkbox', { name: /^Object lock/ });
    this.submit = this.root.getByRole('button', { name: 'Create bucket' });
  }
}

/**
 * "Delete bucket NAME?": the name typed again, Delete; on a bucket that is not empty, what it
 * holds and "Empty bucket" (the name not asked again); the progress (Stop), the report, then
 * Delete again.
 */
export class DeleteBucketDialog {
  readonly root: Locator;
  readonly deleteButton: Locator;
  /** What the bucket holds, once counted. */
  readonly holds: Locator;
  readonly confirmName: Locator;
  readonly emptyButton: Locator;
  readonly status: Locator;
  readonly closeButton: Locator;

  constructor(page: Page, bucket: string) {
    this.root = page.getByRole('dialog', { name: `Delete bucket ${bucket}?` });
    this.deleteButton = this.root.getByRole('button', { name: 'Delete bucket' });
    this.holds = this.root.getByRole('list', { name: 'What the bucket holds' });
    this.confirmName = this.root.getByLabel(`Type ${bucket} to confirm`);
    this.emptyButton = this.root.getByRole('button', { name: 'Empty bucket' });
    this.status = this.root.getByRole('status');
    this.closeButton = this.root.getByRole('button', { name: 'Close' });
  }
}

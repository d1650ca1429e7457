import { expect, type Locator, type Page } from '@playwright/test';

/** What the share and upload-link dialogs show once the link is made: the URL, Copy, expiry. */
class LinkResult {
  readonly root: Locator;
  readonly link: Locator;
  readonly copyButton: Locator;
  readonly expires: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.link = root.getByRole('textbox', { name: 'Link' });
    this.copyButton = root.getByRole('button', { name: 'Copy', exact: true });
    this.expires = root.getByTestId('link-expires');
  }

  /** The made link, once shown. */
  async url(): Promise<string> {
    await expect(this.link).toBeVisible();
    return this.link.inputValue();
  }

  async done(): Promise<void> {
    await this.root.getByRole('button', { name: 'Done' }).click();
    await expect(this.root).toHaveCount(0);
  }
}

/**
 * "Share NAME" (a row's "Share…", the details panel's "Share…"): the kind of link (through
 * Stowage, direct), the expiry (1 hour, 1 day, 7 days, a date), a download name, a password;
 * "Make link", then the result.
 */
export class ShareDialog extends LinkResult {
  readonly relay: Locator;
  readonly direct: Locator;
  readonly customDate: Locator;
  readonly downloadName: Locator;
  readonly password: Locator;
  readonly makeButton: Locator;

  constructor(page: Page, name: string) {
    super(page.getByRole('dialog', { name: `Share ${name}`, exact: true }));
    this.relay = this.root.getByRole('radio', { name: /^Through Stowage/ });
    this.direct = this.root.getByRole('radio', { name: /^Direct from the store/ });
    this.customDate = this.root.getByLabel('Expiry date and time');
    this.downloadName = this.root.getByRole('textbox', { name: 'Download name (optional)' });
    this.password = this.root.getByLabel('Password (optional)');
    this.makeButton = this.root.getByRole('button', { name: 'Make link' });
  }

  /** An expiry preset ("1 hour", "1 day", "7 days") or "A date". */
  expiry(label: string): Locator {
    return this.root.getByRole('radio', { name: label, exact: true });
  }

  async make(): Promise<string> {
    await this.makeButton.click();
    return this.url();
  }
}

/**
 * "Upload link to FOLDER" (a folder row's "Upload link…", the toolbar's for the open folder):
 * expiry, "Max file size" and "Max total size" with their units, "May overwrite existing
 * files"; "Make link", then the result.
 */
export class UploadLinkDialog extends LinkResult {
  readonly maxFileSize: Locator;
  readonly maxFileUnit: Locator;
  readonly maxTotalSize: Locator;
  readonly maxTotalUnit: Locator;
  readonly overwrite: Locator;
  readonly makeButton: Locator;

  constructor(page: Page, folder: string) {
    super(page.getByRole('dialog', { name: `Upload link to ${folder}`, exact: true }));
    this.maxFileSize = this.root.getByRole('textbox', { name: 'Max file size', exact: true });
    this.maxFileUnit = this.root.getByRole('combobox', { name: 'Max file size unit' });
    this.maxTotalSize = this.root.getByRole('textbox', { name: 'Max total size', exact: true });
    this.maxTotalUnit = this.root.getByRole('combobox', { name: 'Max total size unit' });
    this.overwrite = this.root.getByRole('checkbox', { name: /^May overwrite existing files/ });
    this.makeButton = this.root.getByRole('button', { name: 'Make link' });
  }

  async make(): Promise<string> {
    await this.makeButton.click();
    return this.url();
  }
}

import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/**
 * `/s/<token>` as its recipient sees it, in a browser with no session: the password form of
 * a protected download, the drop page of an upload link, or why the link does not work.
 */
export class PublicLinkPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly password: Locator;
  readonly downloadButton: Locator;
  /** A refusal (wrong password, too many attempts). */
  readonly alert: Locator;
  readonly dropZone: Locator;
  readonly chooseButton: Locator;
  readonly files: Locator;
  /** "2 stored, 1 refused". */
  readonly summary: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.password = page.getByRole('textbox', { name: 'Password', exact: true });
    this.downloadButton = page.getByRole('button', { name: 'Download' });
    this.alert = page.getByRole('alert');
    this.dropZone = page.getByTestId('link-drop-zone');
    this.chooseButton = page.getByRole('button', { name: 'Choose files' });
    this.files = page.getByRole('list', { name: 'Files' });
    this.summary = page.getByRole('status');
  }

  /** Opens a link that shows a page (an upload link, a password link). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /**
   * Opens a link that the server answers with the file: the browser downloads it (page.goto
   * then fails with "Download is starting", which is the point).
   */
  async openDownload(url: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.goto(url).catch((error: unknown) => {
      expect(String(error)).toContain('Download is starting');
    });
    return download;
  }

  /** Types the password and submits: resolves with the download it starts. */
  async unlock(password: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.password.fill(password);
    await this.downloadButton.click();
    return download;
  }

  /** One dropped or chosen file, by its name relative to the link's folder. */
  file(name: string): Locator {
    return this.files.getByRole('listitem', { name, exact: true });
  }

  async expectStored(name: string): Promise<void> {
    await expect(this.file(name)).toContainText('Stored');
  }

  async expectRefused(name: string, reason: string | RegExp): Promise<void> {
    await expect(this.file(name)).toContainText('Refused');
    await expect(this.file(name)).toContainText(reason);
  }

  /** "Choose files": picks files of the disk. */
  async chooseFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.chooseButton.click();
    await (await chooser).setFiles(paths);
  }
}

/** The bytes of a finished download. */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

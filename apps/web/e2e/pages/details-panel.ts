import type { Locator, Page } from '@playwright/test';

/** The details panel of the selected object: its properties, metadata, tags and preview. */
export class DetailsPanel {
  readonly page: Page;
  readonly root: Locator;
  /** The object's name. */
  readonly heading: Locator;
  readonly downloadLink: Locator;
  readonly preview: Locator;
  /** The preview of a text object: its text as shown. */
  readonly previewText: Locator;
  /** The Versions tab's list of versions and delete markers, newest first. */
  readonly versions: Locator;
  /** Each entry of that list ("Version <short id>", "Delete marker <short id>"). */
  readonly versionItems: Locator;
  /** The Versions tab's status line ("3 versions, newest first.", what was just done). */
  readonly versionsStatus: Locator;
  /** "Load more": the next page of versions. */
  readonly loadMore: Locator;
  /** The Versions tab's preview of the version picked with "Preview". */
  readonly versionPreview: Locator;
  readonly versionPreviewText: Locator;
  /** The richer previews (video, audio, PDF frame, CSV/TSV table, Markdown, highlighted code). */
  readonly previewVideo: Locator;
  readonly previewAudio: Locator;
  readonly previewPdf: Locator;
  readonly previewTable: Locator;
  readonly previewMarkdown: Locator;
  readonly previewCode: Locator;
  /** The row of actions above the fields ("Download", "Share…", "Edit …", "Delete"). */
  readonly actions: Locator;
  /** The header's close button (on a phone the panel is a full-screen sheet). */
  readonly closeButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByRole('complementary', { name: 'Object details' });
    this.heading = this.root.getByRole('heading', { level: 2 });
    this.downloadLink = this.root.getByRole('link', { name: 'Download' });
    this.preview = this.root.getByRole('region', { name: 'Preview' });
    this.previewText = this.preview.getByLabel('Preview text');
    this.versions = this.root.getByRole('list', { name: 'Versions' });
    this.versionItems = this.versions.getByRole('listitem');
    this.versionsStatus = this.root.getByRole('region', { name: 'Versions' }).getByRole('status');
    this.loadMore = this.root.getByRole('button', { name: 'Load more' });
    this.versionPreview = this.root.getByRole('region', { name: 'Version preview' });
    this.versionPreviewText = this.versionPreview.getByLabel('Preview text');
    this.previewVideo = this.preview.getByLabel('Video preview');
    this.previewAudio = this.preview.getByLabel('Audio preview');
    this.previewPdf = this.preview.locator('iframe');
    this.previewTable = this.preview.getByRole('table', { name: 'Preview table' });
    this.previewMarkdown = this.preview.getByRole('document', { name: 'Rendered Markdown' });
    this.previewCode = this.preview.getByLabel('Preview code');
    this.actions = this.root.getByRole('group', { name: 'Object actions' });
    this.closeButton = this.root.getByRole('button', { name: 'Close details' });
  }

  /** The "Details" or "Versions" tab (there are none where the bucket keeps no versions). */
  tab(name: 'Details' | 'Versions'): Locator {
    return this.root.getByRole('tab', { name, exact: true });
  }

  /** One entry of the versions list by its short id (the first 8 characters of a long id). */
  version(shortId: string, kind: 'Version' | 'Delete marker' = 'Version'): Locator {
    return this.versions.getByRole('listitem', { name: `${kind} ${shortId}`, exact: true });
  }

  /** A button of a version's entry: "Preview", "Restore", "Delete permanently". */
  versionAction(entry: Locator, action: 'Preview' | 'Restore' | 'Delete permanently'): Locator {
    return entry.getByRole('button', { name: action, exact: true });
  }

  /** The value (<dd>) of one property, by its label (<dt>). */
  field(label: string): Locator {
    return this.root.locator(`xpath=.//dt[normalize-space(.)="${label}"]/following-sibling::dd[1]`);
  }

  table(name: 'User metadata' | 'Tags'): Locator {
    return this.root.getByRole('table', { name });
  }

  /** The value cell of one row of the "User metadata" or "Tags" table, by its name. */
  tableValue(table: 'User metadata' | 'Tags', name: string): Locator {
    return this.table(table)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) })
      .getByRole('cell')
      .nth(1);
  }

  /** The form that "Edit metadata", "Edit tags" or "Edit text" opens in the panel. */
  editForm(title: 'Edit metadata' | 'Edit tags' | 'Edit text'): Locator {
    return this.root.locator('form').filter({ hasText: title });
  }

  /** "Edit text"'s textarea (the whole text of the object). */
  get textEditor(): Locator {
    return this.editForm('Edit text').getByLabel('Text', { exact: true });
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The section titles of the settings page, in order. */
export const SETTING_SECTIONS = [
  'Versioning',
  'Lifecycle',
  'CORS',
  'Bucket policy',
  'Bucket tags',
  'Default encryption',
  'Object lock',
] as const;
export type SettingSectionTitle = (typeof SETTING_SECTIONS)[number];

/** `/b/<bucket>/settings`: one section (a region named by its heading) per setting. */
export class BucketSettingsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto(bucket: string) {
    return this.page.goto(`/b/${encodeURIComponent(bucket)}/settings`);
  }

  heading(bucket: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Settings of ${bucket}` });
  }

  section(title: SettingSectionTitle): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The section's rules table (lifecycle, CORS). */
  rules(title: 'Lifecycle' | 'CORS'): Locator {
    return this.section(title).getByRole('table', {
      name: title === 'CORS' ? 'CORS rules' : 'Lifecycle rules',
    });
  }

  /** The JSON tab's text area of a section, or the policy editor. */
  jsonEditor(title: SettingSectionTitle): Locator {
    return this.section(title).getByRole('textbox', { name: /\(JSON\)$/ });
  }

  async openTab(title: 'Lifecycle' | 'CORS', tab: 'Rules' | 'JSON') {
    await this.section(title).getByRole('tab', { name: tab }).click();
  }

  /** Every section has answered: no "Reading the …" left on the page. */
  async expectLoaded() {
    for (const title of SETTING_SECTIONS) await expect(this.section(title)).toBeVisible();
    await expect(this.page.getByRole('progressbar')).toHaveCount(0);
  }

  /** The "Saved." or "Removed" confirmation of a section's last write. */
  saved(title: SettingSectionTitle): Locator {
    return this.section(title).getByRole('status');
  }
}

import { expect } from '@playwright/test';
import { CreateBucketDialog } from './pages/bucket-dialogs';
import { dialogTitled } from './pages/dialogs';
import { UploadsPage } from './pages/uploads-page';
import { expectAccessible, useTheme, type Theme } from './support/a11y';
import { putObjectViaApi } from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { folderTest, test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';

// The axe audit (WCAG 2.1 AA) of every screen and dialog, in both themes.

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await useTheme(page, theme);
    });

    test.describe('signed out', () => {
      test.use({ storageState: SIGNED_OUT });
      test('the login page', async ({ page, loginPage }) => {
        await page.goto('/');
        await expect(loginPage.form).toBeVisible();
        await expectAccessible(page, 'login');
      });
    });

    test('the bucket list and "Create bucket"', async ({ page, bucketList }) => {
      await bucketList.goto();
      await expect(bucketList.bucketLink()).toBeVisible();
      await expectAccessible(page, 'bucket list');

      await bucketList.createButton.click();
      const create = new CreateBucketDialog(page);
      await expect(create.root).toBeVisible();
      await expectAccessible(page, 'Create bucket');
    });

    folderTest(
      "a folder, a selection, an object's details and its edit forms",
      async ({ page, request, folder, folderPage, detailsPanel }) => {
        // A dozen audits, each a few seconds on a busy machine.
        test.setTimeout(180_000);
        await putObjectViaApi(request, `${folder}a.txt`, 'a');
        await putObjectViaApi(request, `${folder}sub/b.txt`, 'b');
        await folderPage.goto(folder);
        await folderPage.expectRowNames(['sub/', 'a.txt']);
        await expectAccessible(page, 'listing');

        await folderPage.checkbox('a.txt').click();
        await expect(folderPage.selection).toBeVisible();
        await expectAccessible(page, 'listing with a selection');
        await folderPage.checkbox('a.txt').click();

        await folderPage.openRow('a.txt');
        await expect(detailsPanel.heading).toHaveText('a.txt');
        await expect(detailsPanel.previewText).toBeVisible();
        await expectAccessible(page, 'details');
        for (const title of ['Edit tags', 'Edit metadata'] as const) {
          await detailsPanel.root.getByRole('button', { name: title }).click();
          const form = detailsPanel.editForm(title);
          await expect(form).toBeVisible();
          await expectAccessible(page, title);
          await form.getByRole('button', { name: 'Cancel' }).click();
          await expect(form).toHaveCount(0);
        }
      },
    );

    folderTest(
      'every dialog of a row and of the toolbar, and the transfers panel',
      async ({ page, request, folder, folderPage, transfersPanel }) => {
        test.setTimeout(180_000);
        await putObjectViaApi(request, `${folder}a.txt`, 'a');
        await putObjectViaApi(request, `${folder}sub/b.txt`, 'b');
        await folderPage.goto(folder);
        await folderPage.expectRowNames(['sub/', 'a.txt']);

        const dialogs: [string, string, () => Promise<void>][] = [
          ['Delete', 'Delete a.txt?', () => folderPage.rowAction('a.txt', 'Delete')],
          ['Delete folder', 'Delete folder sub/?', () => folderPage.rowAction('sub/', 'Delete')],
          ['Rename', 'Rename a.txt', () => folderPage.rowAction('a.txt', 'Rename')],
          ['Copy to…', 'Copy 1 item', () => folderPage.rowAction('a.txt', 'Copy to…')],
          ['Move to…', 'Move 1 item', () => folderPage.rowAction('a.txt', 'Move to…')],
          ['Share…', 'Share a.txt', () => folderPage.rowAction('a.txt', 'Share…')],
          [
            'New text object',
            'New text object',
            () => page.getByRole('button', { name: 'New text object' }).click(),
          ],
          [
            'Upload options',
            'Upload options',
            () => page.getByRole('button', { name: 'Upload options' }).click(),
          ],
          [
            'Upload link…',
            `Upload link to ${folder}`,
            () => page.getByRole('button', { name: 'Upload link…' }).click(),
          ],
        ];
        for (const [what, title, open] of dialogs) {
          await open();
          const dialog = dialogTitled(page, title);
          await expect(dialog, what).toBeVisible();
          await expectAccessible(page, `the ${what} dialog`);
          await page.keyboard.press('Escape');
          await expect(dialog).toHaveCount(0);
        }

        await folderPage.pickFiles('Upload files', {
          name: 'c.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('c'),
        });
        await transfersPanel.expectUploaded(`${folder}c.txt`);
        await expectAccessible(page, 'transfers panel');
      },
    );

    test('the bucket pages: settings, uploads, links; and Activity', async ({
      page,
      settingsPage,
    }) => {
      test.setTimeout(120_000);
      await settingsPage.goto(DEMO_BUCKET);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('region').first()).toBeVisible();
      await expectAccessible(page, 'bucket settings');

      const uploads = new UploadsPage(page);
      await uploads.goto(DEMO_BUCKET);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, 'uploads');

      await page.goto(`/b/${DEMO_BUCKET}/links`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, 'links');

      await page.goto('/activity');
      await expect(page.getByRole('table', { name: 'Activity' })).toBeVisible();
      await expectAccessible(page, 'activity');
    });
  });
}

test.describe('the audit itself', () => {
  test.use({ storageState: SIGNED_OUT });
  test('fails on a violation: a field without a label', async ({ page, loginPage }) => {
    await page.goto('/');
    await expect(loginPage.form).toBeVisible();
    await page.evaluate(() => {
      document.querySelector('main')?.append(document.createElement('input'));
    });
    await expect(expectAccessible(page, 'login with an unlabelled field')).rejects.toThrow(/label/);
  });
});

import { expect } from '@playwright/test';
import { CreateBucketDialog, DeleteBucketDialog } from './pages/bucket-dialogs';
import {
  dialogTitled,
  NewFolderDialog,
  ShortcutsDialog,
  UploadConflictDialog,
} from './pages/dialogs';
import { OrganizeDialog } from './pages/organize-dialogs';
import { ProviderPages } from './pages/provider-pages';
import { WorkPanel } from './pages/work-panel';
import { UploadsPage } from './pages/uploads-page';
import { expectAccessible, useTheme, type Theme } from './support/a11y';
import { putObjectViaApi, shareViaApi, uploadLinkViaApi } from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { folderTest, shareTest, test } from './support/fixtures';
import { videoClip } from './support/preview-files';
import { SIGNED_OUT } from './support/session';
import { ssoURL } from './servers';

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
        await expect(loginPage.demoKeys).toBeVisible();
        await expectAccessible(page, 'login (with the demo keys)');
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

// The screens added later: search, usage, the public link pages, the bucket, upload, organize
// and folder dialogs, Background work, the previews, the phone layout.
for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await useTheme(page, theme);
    });

    test('the instant filter, search results and the usage page', async ({
      page,
      folderPage,
      searchPanel,
    }) => {
      test.setTimeout(120_000);
      await folderPage.goto('docs/');
      await expect(folderPage.row('unicode/')).toBeVisible();
      await searchPanel.box.fill('UNI');
      await folderPage.expectRowNames(['unicode/']);
      await expectAccessible(page, 'the instant filter');
      await searchPanel.glob.check();
      await searchPanel.search('unicode/*.txt');
      await expect(searchPanel.status).toHaveText(/^Done: scanned 4 keys · 3 matches$/);
      await expect(searchPanel.resultRows).toHaveCount(3);
      await expectAccessible(page, 'search results');

      await page.goto(`/b/${DEMO_BUCKET}/usage?prefix=data/`);
      const usage = page.getByRole('region', { name: 'Usage' });
      await expect(usage).toContainText('objects');
      await expect(usage.getByRole('button', { name: 'Stop' })).toHaveCount(0);
      await expectAccessible(page, 'usage');
    });

    shareTest('the public link pages, signed out', async ({ request, folder, stranger }) => {
      test.setTimeout(120_000);
      await useTheme(stranger.page, theme);
      await putObjectViaApi(request, `${folder}a.txt`, 'a');
      const share = await shareViaApi(request, {
        key: `${folder}a.txt`,
        expiresIn: 3600,
        mode: 'relay',
        password: 'pass word 1',
      });
      await stranger.open(share.url);
      await expect(stranger.heading).toHaveText('This file is protected by a password');
      await expectAccessible(stranger.page, 'the download link page');
      const upload = await uploadLinkViaApi(request, { prefix: folder, expiresIn: 3600 });
      await stranger.open(upload.url);
      await expect(stranger.dropZone).toBeVisible();
      await expectAccessible(stranger.page, 'the upload link page');
    });

    folderTest(
      'the bucket delete and "Empty bucket" dialogs, and the report',
      async ({ page, request, otherBucket, bucketList }) => {
        test.setTimeout(120_000);
        await putObjectViaApi(request, 'x.txt', 'x', { bucket: otherBucket });
        await bucketList.goto();
        await bucketList.deleteButton(otherBucket).click();
        const dialog = new DeleteBucketDialog(page, otherBucket);
        await dialog.confirmName.fill(otherBucket);
        await expectAccessible(page, 'Delete bucket (its name typed)');
        await dialog.deleteButton.click();
        await expect(dialog.holds.getByRole('listitem')).toHaveText(['1 object (1 B)']);
        await expectAccessible(page, 'Empty bucket');
        await dialog.emptyButton.click();
        await expect(dialog.status).toHaveText('Deleted 1 entry.');
        await expectAccessible(page, 'the emptying report');
        await page.keyboard.press('Escape');
        await expect(dialog.root).toHaveCount(0);
      },
    );

    folderTest(
      'the conflict question, organize, New folder, shortcuts, Background work, Edit text',
      async ({ page, request, folder, folderPage, detailsPanel }) => {
        test.setTimeout(180_000);
        await putObjectViaApi(request, `${folder}a.txt`, 'a');
        await putObjectViaApi(request, `${folder}dest/keep.txt`, 'k');
        await putObjectViaApi(request, `${folder}sub/b.txt`, 'b');
        await folderPage.goto(folder);
        await folderPage.expectRowNames(['dest/', 'sub/', 'a.txt']);

        await folderPage.pickFiles('Upload files', {
          name: 'a.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('new'),
        });
        const conflict = new UploadConflictDialog(page, 'A file already exists');
        await expect(conflict.root).toBeVisible();
        await expectAccessible(page, 'the upload conflict question');
        await conflict.choose('Cancel upload');
        await expect(conflict.root).toHaveCount(0);

        await folderPage.row('a.txt').dragTo(folderPage.row('dest/'));
        const confirm = new OrganizeDialog(page, `Move 1 item to ${folder}dest/?`);
        await expect(confirm.root).toBeVisible();
        await expectAccessible(page, 'the move confirmation');
        await confirm.click('Move');
        const report = new OrganizeDialog(page, `Move 1 item to ${DEMO_BUCKET}/${folder}dest/`);
        await expect(report.status).toHaveText('Moved 1 object');
        await expectAccessible(page, 'the move report');
        await report.click('Close');

        await page.getByRole('button', { name: 'New folder', exact: true }).click();
        const newFolder = new NewFolderDialog(page);
        await expect(newFolder.root).toBeVisible();
        await expectAccessible(page, 'New folder');
        await page.keyboard.press('Escape');
        await expect(newFolder.root).toHaveCount(0);

        await folderPage.row('sub/').getByRole('link').focus();
        await page.keyboard.press('?');
        const shortcuts = new ShortcutsDialog(page);
        await expect(shortcuts.root).toBeVisible();
        await expectAccessible(page, 'Keyboard shortcuts');
        await page.keyboard.press('Escape');
        await expect(shortcuts.root).toHaveCount(0);

        await folderPage.row('sub/').getByRole('button', { name: 'Delete folder sub/' }).click();
        await dialogTitled(page, 'Delete folder sub/?')
          .getByRole('button', { name: 'Delete', exact: true })
          .click();
        const work = new WorkPanel(page);
        await expect(work.status(`${folder}sub/`)).toContainText('Deleted 1 object');
        await expectAccessible(page, 'Background work');

        await folderPage.goto(`${folder}dest/`, `${folder}dest/keep.txt`);
        await detailsPanel.root.getByRole('button', { name: 'Edit text' }).click();
        await expect(detailsPanel.textEditor).toBeVisible();
        await expectAccessible(page, 'Edit text');
      },
    );

    folderTest(
      'the previews: CSV table, Markdown, code, video',
      async ({ page, request, folder, folderPage, detailsPanel }) => {
        test.setTimeout(180_000);
        const files: [string, string | Buffer, string, () => Promise<void>][] = [
          [
            'people.csv',
            'name,city\nAda,London\n',
            'text/csv',
            () => expect(detailsPanel.previewTable).toBeVisible(),
          ],
          [
            'README.md',
            '# Title\n\nSome *text* and a [link](https://example.com/).\n',
            'text/markdown',
            () => expect(detailsPanel.previewMarkdown.getByRole('heading')).toBeVisible(),
          ],
          [
            'main.py',
            'def f(x):\n    # note\n    return "s" + x\n',
            'text/x-python',
            () => expect(detailsPanel.previewCode.locator('.hljs-keyword').first()).toBeVisible(),
          ],
          [
            'clip.webm',
            videoClip(),
            'video/webm',
            () => expect(detailsPanel.previewVideo).toBeVisible(),
          ],
        ];
        for (const [name, body, contentType, shown] of files) {
          await putObjectViaApi(request, `${folder}${name}`, body, { contentType });
          await folderPage.goto(folder, `${folder}${name}`);
          await shown();
          await expectAccessible(page, `the ${name} preview`);
        }
      },
    );

    test.describe('a phone (390 px)', () => {
      test.use({ viewport: { width: 390, height: 844 } });
      test('the listing and the details sheet', async ({ page, folderPage, detailsPanel }) => {
        test.setTimeout(120_000);
        await folderPage.goto('data/');
        await expect(folderPage.row('config.json')).toBeVisible();
        await expectAccessible(page, 'the listing at 390 px');
        await folderPage.openRow('config.json');
        await expect(detailsPanel.heading).toHaveText('config.json');
        await expectAccessible(page, 'the details sheet at 390 px');
      });
    });
  });
}

// Single sign-on (sso-server.mjs): its sign-in button and the connection choice (/sso/profile).
test.describe('single sign-on', () => {
  test.use({ baseURL: ssoURL, storageState: SIGNED_OUT });
  for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
    test(`${theme} theme: the sign-in page and the connection choice`, async ({
      page,
      loginPage,
    }) => {
      await useTheme(page, theme);
      await page.goto('/');
      await expect(loginPage.ssoButton).toBeVisible();
      await expectAccessible(page, 'the single sign-on login');
      await loginPage.ssoButton.click();
      await new ProviderPages(page).signIn('carol');
      await expect(page).toHaveURL(`${ssoURL}/sso/profile`);
      await expect(page.getByRole('list', { name: 'Connections' })).toBeVisible();
      await expectAccessible(page, 'the connection choice');
    });
  }
});

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

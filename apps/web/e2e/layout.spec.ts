/**
 * Layout at a desktop's, a small laptop's and a phone's width (issue 23): nothing clipped,
 * nothing scrolling sideways, nothing moving under the pointer, nothing covered.
 */
import { expect } from '@playwright/test';
import { putObjectViaApi } from './support/api';
import { manyItemName } from './support/demo';
import { folderTest, test } from './support/fixtures';
import {
  boxOf,
  expectInside,
  expectNoSidewaysScroll,
  expectNoSidewaysScrollWithin,
  intersects,
  settledBoxOf,
  textRightEdge,
  viewportOf,
  WIDTHS,
} from './support/layout';
import { SIGNED_OUT } from './support/session';
import { readOnlyURL } from './servers';

const TEXT_FILE = { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('note') };

for (const width of WIDTHS) {
  test.describe(`at ${String(width)} px`, () => {
    test.use({ viewport: viewportOf(width) });

    test('the details panel wraps its actions: Delete inside it, nothing scrolls sideways', async ({
      page,
      folderPage,
      detailsPanel,
    }) => {
      await folderPage.goto('', 'README.txt');
      await expect(detailsPanel.actions.getByRole('button', { name: 'Delete' })).toBeVisible();
      const panel = await boxOf(detailsPanel.root);
      const actions = detailsPanel.actions.locator('a, button');
      await expect(actions).toHaveText([
        'Download',
        'Share…',
        'Edit metadata',
        'Edit text',
        'Edit tags',
        'Delete',
      ]);
      for (const action of await actions.all()) {
        expectInside(await boxOf(action), panel, `"${(await action.textContent()) ?? ''}"`);
      }
      await expectNoSidewaysScrollWithin(detailsPanel.root, 'The details panel');
      await expectNoSidewaysScroll(page, 'The page with the details panel');
    });

    test('checking the first row’s box does not move the rows', async ({ folderPage }) => {
      await folderPage.goto();
      const first = folderPage.entryRows.first();
      const box = first.getByRole('checkbox');
      await expect(box).toBeVisible();
      const top = (await settledBoxOf(first)).y;

      await box.check();
      await expect(folderPage.selection).toContainText('1 selected');
      expect((await boxOf(first)).y, 'the first row after checking it').toBe(top);
      // The selection's bar covers no row.
      expect(intersects(await boxOf(folderPage.selection), await boxOf(first))).toBe(false);

      await box.uncheck();
      await expect(folderPage.selection).toHaveCount(0);
      expect((await boxOf(first)).y, 'the first row after unchecking it').toBe(top);
    });

    folderTest(
      'long folder names are shortened in the middle in the breadcrumb, the full path kept',
      async ({ page, request, folder, folderPage }) => {
        const outer = `${'outer-'.repeat(15)}${'x'.repeat(6)}-end`; // 100 characters
        const inner = `${'inner-'.repeat(15)}${'y'.repeat(6)}-end`;
        expect([outer.length, inner.length]).toEqual([100, 100]);
        const prefix = `${folder}${outer}/${inner}/`;
        await putObjectViaApi(request, `${prefix}file.txt`, 'x');
        await folderPage.goto(prefix);
        await expect(folderPage.row('file.txt')).toBeVisible();

        // The full names stay the steps' accessible names; the full path is each one's title.
        const outerStep = folderPage.breadcrumb.getByRole('link', { name: outer, exact: true });
        const innerStep = folderPage.breadcrumb.getByRole('link', { name: inner, exact: true });
        await expect(outerStep).toHaveAttribute('title', `${folder}${outer}/`);
        await expect(innerStep).toHaveAttribute('title', prefix);
        await expect(innerStep).toHaveAttribute('aria-current', 'page');

        // Every step lies inside the breadcrumb (measured at once, once the header and the
        // breadcrumb have stopped moving: the header's lazy parts arrive a moment later), which
        // overlaps nothing of the toolbar.
        await settledBoxOf(page.getByRole('banner'));
        await settledBoxOf(folderPage.breadcrumb);
        const { nav, steps } = await folderPage.breadcrumb.evaluate((el) => {
          const box = (e: Element) => {
            const { x, y, width, height } = e.getBoundingClientRect();
            return { x, y, width, height };
          };
          return { nav: box(el), steps: Array.from(el.querySelectorAll('a'), box) };
        });
        expect(steps).toHaveLength(4); // demo › e2e-layout-… › outer › inner
        for (const step of steps) expectInside(step, nav, 'A breadcrumb step');
        for (const other of [
          folderPage.pathInput,
          page.getByRole('banner'),
          page.getByRole('button', { name: 'Upload files', exact: true }),
        ]) {
          expect(
            intersects(nav, await boxOf(other)),
            `the breadcrumb overlaps ${other.toString()}`,
          ).toBe(false);
        }
        await expectNoSidewaysScroll(page, 'The folder with long names');
      },
    );

    test('changing the sort scrolls the listing back to the top', async ({ folderPage }) => {
      await folderPage.goto('many/');
      await expect(folderPage.row(manyItemName(1))).toBeVisible();
      await folderPage.gridBody.evaluate((el) => {
        el.scrollTop = 12_000;
      });
      await expect(folderPage.row(manyItemName(1))).toHaveCount(0);

      await folderPage.sortButton('Name').click(); // descending
      await expect.poll(() => folderPage.gridBody.evaluate((el) => el.scrollTop)).toBe(0);
      await expect(folderPage.entryRows.first()).toHaveAttribute('data-index', '0');
      await expect(folderPage.entryRows.first()).toBeInViewport();

      await folderPage.gridBody.evaluate((el) => {
        el.scrollTop = 12_000;
      });
      await folderPage.sortButton('Size').click();
      await expect.poll(() => folderPage.gridBody.evaluate((el) => el.scrollTop)).toBe(0);
    });

    folderTest(
      'the collapsed Transfers panel leaves the listing’s footer and count in view',
      async ({ folder, folderPage, transfersPanel }) => {
        await folderPage.goto(folder);
        await folderPage.pickFiles('Upload files', TEXT_FILE);
        await transfersPanel.expectUploaded(`${folder}${TEXT_FILE.name}`);
        await expect(folderPage.status).toHaveText('1 item');
        await transfersPanel.collapse();
        const footer = await boxOf(folderPage.status);
        const panel = await boxOf(transfersPanel.root);
        expect(intersects(footer, panel), 'the collapsed panel covers the footer').toBe(false);
      },
    );

    test('the Size header lines up with the sizes, the rows with the header', async ({
      folderPage,
    }) => {
      for (const [prefix, name] of [
        ['', 'README.txt'],
        ['many/', manyItemName(1)],
      ] as const) {
        await folderPage.goto(prefix);
        const row = folderPage.row(name);
        await expect(row).toBeVisible();
        const header = textRightEdge(folderPage.sortButton('Size'));
        const size = textRightEdge(row.getByRole('gridcell').nth(2));
        expect(
          Math.abs((await header) - (await size)),
          `${prefix || 'root'}: Size vs sizes`,
        ).toBeLessThanOrEqual(2);
      }
      // Where the rows do not fill the grid (no scroll bar), a row spans the header's width.
      await folderPage.goto();
      const row = await boxOf(folderPage.row('README.txt'));
      const head = await boxOf(folderPage.gridHead);
      expect(Math.abs(row.x + row.width - (head.x + head.width))).toBeLessThanOrEqual(1);
    });
  });
}

folderTest(
  'an empty bucket says how to add files, and its own button uploads them',
  async ({ otherBucket, folderPage, page }) => {
    await folderPage.gotoBucket(otherBucket);
    await expect(folderPage.emptyMessage).toBeVisible();
    const listing = page.getByTestId('listing');
    await expect(listing).toContainText('Drop files or folders here');
    const chooser = page.waitForEvent('filechooser');
    await folderPage.emptyUpload.click();
    await (await chooser).setFiles(TEXT_FILE);
    await expect(folderPage.row(TEXT_FILE.name)).toBeVisible();
  },
);

test.describe('read-only', () => {
  test.use({ baseURL: readOnlyURL, storageState: SIGNED_OUT });

  test('an empty folder of a read-only session offers no upload', async ({
    page,
    folderPage,
    loginPage,
  }) => {
    await folderPage.goto('no-such-folder/');
    await loginPage.signIn();
    await expect(folderPage.emptyMessage).toBeVisible();
    const listing = page.getByTestId('listing');
    await expect(listing).not.toContainText(/drop|upload/i);
    await expect(listing.getByRole('button')).toHaveCount(0);
  });
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: viewportOf(390) });

  test('the bucket list and folders do not scroll sideways', async ({
    page,
    bucketList,
    folderPage,
  }) => {
    await bucketList.goto();
    await expect(bucketList.table).toBeVisible();
    await expectNoSidewaysScroll(page, 'The bucket list');
    for (const prefix of ['', 'docs/', 'many/']) {
      await folderPage.goto(prefix);
      await expect(folderPage.entryRows.first()).toBeVisible();
      await expectNoSidewaysScroll(page, `The folder "${prefix}"`);
    }
  });

  test('the details are a full-screen sheet with a visible Close', async ({
    page,
    folderPage,
    detailsPanel,
  }) => {
    await folderPage.goto('', 'README.txt');
    await expect(detailsPanel.downloadLink).toBeVisible();
    const sheet = await boxOf(detailsPanel.root);
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('No viewport');
    expect(sheet).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    await expectNoSidewaysScrollWithin(detailsPanel.root, 'The details sheet');
    await expectNoSidewaysScroll(page, 'The page under the details sheet');

    await expect(detailsPanel.closeButton).toBeInViewport();
    await detailsPanel.closeButton.click();
    await expect(detailsPanel.root).toHaveCount(0);
    await folderPage.expectLocation('', null);
    await expect(folderPage.row('README.txt')).toBeInViewport();
  });

  folderTest(
    'the Transfers panel fits the phone',
    async ({ page, folder, folderPage, transfersPanel }) => {
      await folderPage.goto(folder);
      await folderPage.pickFiles('Upload files', TEXT_FILE);
      await transfersPanel.expectUploaded(`${folder}${TEXT_FILE.name}`);
      const viewport = page.viewportSize();
      if (!viewport) throw new Error('No viewport');
      expectInside(await boxOf(transfersPanel.root), { x: 0, y: 0, ...viewport }, 'The panel');
      await expectNoSidewaysScrollWithin(transfersPanel.root, 'The Transfers panel');
      await expectNoSidewaysScroll(page, 'The page with the Transfers panel');
    },
  );
});

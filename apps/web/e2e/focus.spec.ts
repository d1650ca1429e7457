import { expect, type Locator, type Page } from '@playwright/test';
import { DeleteDialog, NewFolderDialog, NewTextDialog } from './pages/dialogs';
import { putObjectViaApi } from './support/api';
import { DEMO_BUCKET, MANY_COUNT, manyItemName } from './support/demo';
import { folderTest, test } from './support/fixtures';

/** The header's "Stowage" link: where the focus went once it had fallen to the page. */
const logo = (page: Page) => page.getByRole('link', { name: 'Stowage', exact: true });

/** The focus is on `opener`, and the next Tab goes on from there (not to the page's start). */
async function expectFocusBackOn(page: Page, opener: Locator) {
  await expect(opener).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(logo(page)).not.toBeFocused();
  await expect(page.locator('body')).not.toBeFocused();
}

folderTest(
  'Escape on each dialog gives the focus back to the control that opened it',
  async ({ page, request, folder, folderPage }) => {
    await putObjectViaApi(request, `${folder}a.txt`, 'A\n');
    await putObjectViaApi(request, `${folder}sub/x.txt`, 'X\n');
    await folderPage.goto(folder);
    await folderPage.expectRowNames(['sub/', 'a.txt']);
    const anyDialog = page.getByRole('dialog');

    // A folder row's trash button: "Delete folder sub/?".
    const trash = folderPage.row('sub/').getByRole('button', { name: 'Delete folder sub/' });
    await trash.click();
    await expect(page.getByRole('dialog', { name: 'Delete folder sub/?' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(anyDialog).toHaveCount(0);
    await expectFocusBackOn(page, trash);

    // The toolbar's "New text object" and "Upload options".
    for (const [button, title] of [
      ['New text object', 'New text object'],
      ['Upload options', 'Upload options'],
    ] as const) {
      const opener = page.getByRole('button', { name: button, exact: true });
      await opener.click();
      await expect(page.getByRole('dialog', { name: title })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(anyDialog).toHaveCount(0);
      await expectFocusBackOn(page, opener);
    }

    // A row menu's actions: back on the row's "More actions" button.
    const menuButton = folderPage
      .row('a.txt')
      .getByRole('button', { name: 'More actions for a.txt' });
    for (const action of ['Copy to…', 'Move to…', 'Rename', 'Delete']) {
      await folderPage.rowAction('a.txt', action);
      await expect(anyDialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(anyDialog, `${action}: closed`).toHaveCount(0);
      await expectFocusBackOn(page, menuButton);
    }

    // The selection bar's Delete.
    await folderPage.checkbox('a.txt').check();
    const deleteSelection = folderPage.selectionAction('Delete');
    await deleteSelection.click();
    await expect(page.getByRole('dialog', { name: 'Delete a.txt?' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(anyDialog).toHaveCount(0);
    await expectFocusBackOn(page, deleteSelection);
  },
);

test('closing the details panel (Close or Escape) gives the focus back to the row', async ({
  page,
  folderPage,
  detailsPanel,
}) => {
  await folderPage.goto('data/');
  const link = folderPage.row('config.json').getByRole('link');

  await link.click();
  await expect(detailsPanel.root).toBeVisible();
  await detailsPanel.root.getByRole('button', { name: 'Close details' }).click();
  await expect(detailsPanel.root).toHaveCount(0);
  await expectFocusBackOn(page, link);

  // Escape, from inside the panel (its Download link) or from the row.
  await link.click();
  await expect(detailsPanel.root).toBeVisible();
  await detailsPanel.downloadLink.focus();
  await page.keyboard.press('Escape');
  await expect(detailsPanel.root).toHaveCount(0);
  await folderPage.expectLocation('data/');
  await expectFocusBackOn(page, link);

  await link.press('Enter');
  await expect(detailsPanel.root).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detailsPanel.root).toHaveCount(0);
  await expect(link).toBeFocused();
});

test('Home, End, Page Down and Page Up keep the focus on a row as rows scroll out', async ({
  page,
  folderPage,
}) => {
  await folderPage.goto('many/');
  await expect(folderPage.status).toContainText('loaded, more');
  const first = folderPage.row(manyItemName(1)).getByRole('link');
  await first.focus();
  const focusedRow = page.locator('[role="row"][data-index]:has(:focus)');

  await page.keyboard.press('PageDown');
  await expect(focusedRow).toHaveCount(1);
  const afterPage = Number(await focusedRow.getAttribute('data-index'));
  expect(afterPage).toBeGreaterThan(1);
  await expect(folderPage.row(manyItemName(1))).toHaveCount(1);

  // End: the last loaded row (the folder has more), and the status says so.
  await page.keyboard.press('End');
  await expect(focusedRow).toHaveCount(1);
  const end = Number(await focusedRow.getAttribute('data-index'));
  expect(end).toBeGreaterThan(afterPage + 100);
  await expect(focusedRow).toHaveAccessibleName(manyItemName(end + 1));
  // The first row has left the DOM (virtualized): the focus followed, it did not fall.
  await expect(folderPage.row(manyItemName(1))).toHaveCount(0);
  await expect(folderPage.status).toContainText(
    `End: row ${(end + 1).toLocaleString('en-US')}, the last loaded; the folder has more`,
  );
  expect(end + 1).toBeLessThan(MANY_COUNT);

  await page.keyboard.press('PageUp');
  await expect(focusedRow).toHaveCount(1);
  expect(Number(await focusedRow.getAttribute('data-index'))).toBeLessThan(end);
  await expect(folderPage.status).not.toContainText('End: row');

  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await expect(page.locator('body')).not.toBeFocused();
});

test('the tab title follows navigation, back and forward', async ({ page, folderPage }) => {
  const stowage = 'Stowage';
  await page.goto('/');
  await expect(page).toHaveTitle(`Buckets — ${stowage}`);
  await page.getByRole('link', { name: DEMO_BUCKET, exact: true }).click();
  await expect(page).toHaveTitle(`${DEMO_BUCKET} — ${stowage}`);
  await folderPage.openRow('data/');
  await expect(page).toHaveTitle(`data/ — ${DEMO_BUCKET} — ${stowage}`);
  await folderPage.openRow('config.json');
  await expect(page).toHaveTitle(`config.json — data/ — ${DEMO_BUCKET} — ${stowage}`);

  await page.goBack();
  await expect(page).toHaveTitle(`${DEMO_BUCKET} — ${stowage}`);
  await page.goForward();
  await expect(page).toHaveTitle(`config.json — data/ — ${DEMO_BUCKET} — ${stowage}`);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveTitle(`Buckets — ${stowage}`);

  await page.goto(`/b/${DEMO_BUCKET}/settings`);
  await expect(page).toHaveTitle(`Settings — ${DEMO_BUCKET} — ${stowage}`);
});

test('every control of the listing and the details panel is reached by Tab, and Tab goes on past them', async ({
  page,
  folderPage,
  detailsPanel,
}) => {
  await folderPage.goto('data/', 'data/config.json');
  await expect(detailsPanel.heading).toHaveText('config.json');
  await expect(detailsPanel.root.getByRole('button', { name: 'Edit tags' })).toBeEnabled();
  await expect(detailsPanel.previewText).toBeVisible();
  // Every visible, enabled control of the two regions gets a number.
  const count = await page.evaluate(() => {
    const regions = [
      document.querySelector('[data-testid="listing"]'),
      document.querySelector('aside[aria-label="Object details"]'),
    ];
    const controls = regions.flatMap((region) => [
      ...(region?.querySelectorAll<HTMLElement>(
        'a[href], button:not(:disabled), input:not(:disabled), select, textarea, [tabindex]:not([tabindex="-1"])',
      ) ?? []),
    ]);
    const shown = controls.filter((element) => element.checkVisibility());
    shown.forEach((element, index) => {
      element.dataset.tabProbe = String(index);
    });
    return shown.length;
  });
  expect(count).toBeGreaterThan(10);

  // Tab from the page's start until the focus has left both regions after visiting them.
  await page.locator('body').focus();
  const reached = new Set<string>();
  let leftAfter = false;
  for (let i = 0; i < count + 80 && !leftAfter; i += 1) {
    await page.keyboard.press('Tab');
    const probe = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const inRegions = active?.closest('[data-testid="listing"], aside') !== null;
      return { id: active?.dataset.tabProbe ?? null, inRegions };
    });
    if (probe.id !== null) reached.add(probe.id);
    if (!probe.inRegions && reached.size > 0) leftAfter = true;
  }
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-tab-probe]')]
        .filter((element) => !seen.includes(element.dataset.tabProbe ?? ''))
        .map((element) => element.getAttribute('aria-label') ?? element.textContent),
    [...reached],
  );
  expect(missed, 'controls Tab never reached').toEqual([]);
  expect(leftAfter, 'Tab went on past the regions (no focus trap)').toBe(true);
});

/** The focus is in the grid: on a row (or the grid itself), never fallen to the page. */
async function expectFocusInGrid(page: Page, row?: Locator) {
  const grid = page.getByRole('grid', { name: 'Objects' });
  await expect
    .poll(() => grid.evaluate((g) => g.contains(document.activeElement)), {
      message: 'the focus is in the grid',
    })
    .toBe(true);
  if (row) await expect(row.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(logo(page)).not.toBeFocused();
  await expect(page.locator('body')).not.toBeFocused();
}

folderTest(
  'a dialog that closes itself (a delete done, a new text object, a new folder) never drops the focus to the page',
  async ({ page, request, folder, folderPage }) => {
    await putObjectViaApi(request, `${folder}a.txt`, 'A\n');
    await putObjectViaApi(request, `${folder}b.txt`, 'B\n');
    await putObjectViaApi(request, `${folder}c.txt`, 'C\n');
    await folderPage.goto(folder);
    await folderPage.expectRowNames(['a.txt', 'b.txt', 'c.txt']);

    // A row's Delete: its row (and the opener with it) is gone; the next row takes the focus.
    await folderPage.rowAction('a.txt', 'Delete');
    await new DeleteDialog(page, 'Delete a.txt?').confirm();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await folderPage.expectRowNames(['b.txt', 'c.txt']);
    await expectFocusInGrid(page, folderPage.row('b.txt'));

    // The last row: the row before it.
    await folderPage.rowAction('c.txt', 'Delete');
    await new DeleteDialog(page, 'Delete c.txt?').confirm();
    await folderPage.expectRowNames(['b.txt']);
    await expectFocusInGrid(page, folderPage.row('b.txt'));

    // "New text object": on the new object's row.
    await page.getByRole('button', { name: 'New text object', exact: true }).click();
    const text = new NewTextDialog(page);
    await text.name.fill('d.txt');
    await text.content.fill('D');
    await text.save();
    await expect(text.root).toHaveCount(0);
    await folderPage.expectRowNames(['b.txt', 'd.txt']);
    await expectFocusInGrid(page, folderPage.row('d.txt'));

    // "New folder": the app opens it, empty (no row, no grid): the focus stays on its opener.
    const newFolder = page.getByRole('button', { name: 'New folder', exact: true });
    await newFolder.click();
    await new NewFolderDialog(page).create('made');
    await folderPage.expectLocation(`${folder}made/`);
    await expect(page.getByText('This folder is empty')).toBeVisible();
    await expectFocusBackOn(page, newFolder);
  },
);

import { expect, type Locator, type Page } from '@playwright/test';
import { ShortcutsDialog } from './pages/dialogs';
import { objectApiPath, objectTagsApiPath, putObjectViaApi } from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { folderTest as test } from './support/fixtures';

/** Presses Tab until `target` has the focus (as a keyboard user would), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached by Tab within ${String(max)} presses`).toBeFocused();
}

/** Presses `key` until the focused row is `name` (j moves down the listing). */
async function pressUntilRow(page: Page, key: string, name: string, max = 60) {
  const focusedRow = page.locator('[role="row"][data-index]:has(:focus)');
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    await expect(focusedRow).toHaveCount(1);
    if ((await focusedRow.getAttribute('aria-label')) === name) return;
  }
  throw new Error(`"${key}" never reached the row ${name}`);
}

test('keyboard only: browse, open a folder, open an object, edit its tags, save, delete it', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
  toasts,
}) => {
  const key = `${folder}notes.txt`;
  await putObjectViaApi(request, key, 'hello\n');
  await page.goto('/');

  // The bucket list: Tab to the demo bucket, Enter.
  await tabTo(page, page.getByRole('link', { name: DEMO_BUCKET, exact: true }));
  await page.keyboard.press('Enter');
  await folderPage.expectLocation('');
  await expect(page).toHaveTitle(`${DEMO_BUCKET} — Stowage`);

  // j down the rows to our folder, Enter opens it.
  await expect(folderPage.row(folder)).toBeVisible();
  await pressUntilRow(page, 'j', folder);
  await page.keyboard.press('Enter');
  await folderPage.expectLocation(folder);
  await folderPage.expectRowNames(['notes.txt']);

  // j onto the object, Enter opens its details.
  await page.keyboard.press('j');
  await expect(folderPage.row('notes.txt').getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await folderPage.expectLocation(folder, key);
  await expect(detailsPanel.heading).toHaveText('notes.txt');
  await expect(page).toHaveTitle(`notes.txt — ${folder} — ${DEMO_BUCKET} — Stowage`);

  // Edit tags: Tab to the button, Add tag, type, Enter saves.
  const editTags = detailsPanel.root.getByRole('button', { name: 'Edit tags' });
  await expect(editTags).toBeEnabled();
  await tabTo(page, editTags);
  await page.keyboard.press('Enter');
  const form = detailsPanel.editForm('Edit tags');
  await tabTo(page, form.getByRole('button', { name: 'Add tag' }));
  await page.keyboard.press('Enter');
  await tabTo(page, form.getByLabel('Tag key 1', { exact: true }));
  await page.keyboard.type('env');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Tag value 1', { exact: true })).toBeFocused();
  await page.keyboard.type('prod');
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(detailsPanel.tableValue('Tags', 'env')).toHaveText('prod');
  // The focus is back on the button that opened the form, not on the page.
  await expect(editTags).toBeFocused();
  const tags = await request.get(objectTagsApiPath(key));
  expect(await tags.json()).toEqual({ tags: [{ key: 'env', value: 'prod' }] });

  // Escape closes the details, back on the row; x selects it, Delete asks, Enter confirms.
  await page.keyboard.press('Escape');
  await expect(detailsPanel.root).toHaveCount(0);
  await expect(folderPage.row('notes.txt').getByRole('link')).toBeFocused();
  await page.keyboard.press('x');
  await expect(folderPage.selection).toContainText('1 selected');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete notes.txt?' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Delete', exact: true }));
  await page.keyboard.press('Enter');
  // A whole delete closes its dialog and says so in a toast; the focus stays on the page's
  // controls: the empty folder's upload button.
  await expect(dialog).toHaveCount(0);
  await expect(toasts.toast('Deleted 1 object')).toBeVisible();
  await expect(folderPage.emptyMessage).toBeVisible();
  await expect(folderPage.emptyUpload).toBeFocused();
  expect((await request.get(objectApiPath(key))).status()).toBe(404);
});

test('the shortcuts: / j k Space x Delete Enter u ? and g b, never while typing or in a dialog', async ({
  page,
  request,
  folder,
  folderPage,
  searchPanel,
}) => {
  await putObjectViaApi(request, `${folder}a.txt`, 'A\n');
  await putObjectViaApi(request, `${folder}b.txt`, 'B\n');
  await putObjectViaApi(request, `${folder}sub/x.txt`, 'X\n');
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['sub/', 'a.txt', 'b.txt']);
  const link = (name: string) => folderPage.row(name).getByRole('link');

  // "/" focuses the search; keys typed there are text, not shortcuts.
  await page.keyboard.press('/');
  await expect(searchPanel.box).toBeFocused();
  await page.keyboard.type('jx?');
  await expect(searchPanel.box).toHaveValue('jx?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await searchPanel.box.fill('');
  await searchPanel.box.blur();

  // j and k (and the arrows) move from row to row.
  await page.keyboard.press('j');
  await expect(link('sub/')).toBeFocused();
  await page.keyboard.press('j');
  await expect(link('a.txt')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(link('b.txt')).toBeFocused();
  await page.keyboard.press('k');
  await expect(link('a.txt')).toBeFocused();
  // Not with a modifier held.
  await page.keyboard.press('Alt+j');
  await expect(link('a.txt')).toBeFocused();

  // Space toggles the row's selection; x selects (a second x keeps it selected).
  await page.keyboard.press(' ');
  await expect(folderPage.checkbox('a.txt')).toBeChecked();
  await page.keyboard.press(' ');
  await expect(folderPage.checkbox('a.txt')).not.toBeChecked();
  await page.keyboard.press('x');
  await page.keyboard.press('x');
  await expect(folderPage.checkbox('a.txt')).toBeChecked();
  await expect(folderPage.selection).toContainText('1 selected');

  // Delete: the selection's delete dialog. While it is open no shortcut fires.
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete a.txt?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('?');
  await page.keyboard.press('j');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(link('a.txt')).toBeFocused();
  expect((await request.get(objectApiPath(`${folder}a.txt`))).status()).toBe(200);

  // u opens the file chooser of "Upload files".
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('u');
  expect((await chooser).isMultiple()).toBe(true);

  // ? lists every shortcut in a dialog; Escape closes it, back where the focus was.
  await page.keyboard.press('?');
  const help = new ShortcutsDialog(page);
  await expect(help.root).toBeVisible();
  for (const keys of ['/', 'j or ↓', 'Space', 'x', 'Delete', 'u', 'Escape', 'g then b', '?']) {
    await expect(help.shortcut(keys)).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help.root).toHaveCount(0);
  await expect(link('a.txt')).toBeFocused();

  // Enter on a folder row opens it, pressed at once after k: k moved the focus already.
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await folderPage.expectLocation(`${folder}sub/`);
  await folderPage.expectRowNames(['x.txt']);

  // g then b: the bucket list.
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page).toHaveURL(/\/$/);
  await expect(page).toHaveTitle('Buckets — Stowage');
});

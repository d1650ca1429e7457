import { expect } from '@playwright/test';
import { TEXT_EDIT_MAX_BYTES } from '@stowage/shared';
import { NewFolderDialog } from './pages/dialogs';
import {
  CSRF_HEADERS,
  listFolderViaApi,
  objectApiPath,
  objectTagsApiPath,
  putObjectViaApi,
  readObjectViaApi,
} from './support/api';
import { folderTest as test } from './support/fixtures';

test.describe('New folder', () => {
  test('makes an empty folder that stays, and opens it', async ({
    page,
    request,
    folder,
    folderPage,
  }) => {
    await folderPage.goto(folder);
    await expect(folderPage.emptyMessage).toBeVisible();
    await page.getByRole('button', { name: 'New folder' }).click();
    const dialog = new NewFolderDialog(page);
    await expect(dialog.name).toBeFocused();
    await dialog.create('reports 2026');
    await expect(dialog.root).toHaveCount(0);

    // Opened, and empty: its marker is not a row of its own.
    await folderPage.expectLocation(`${folder}reports 2026/`);
    await expect(folderPage.emptyMessage).toBeVisible();
    await expect(folderPage.entryRows).toHaveCount(0);

    // Its parent lists it as a folder, and it stays although empty.
    await folderPage.goto(folder);
    await folderPage.expectRowNames(['reports 2026/']);
    await folderPage.openRow('reports 2026/');
    await folderPage.expectLocation(`${folder}reports 2026/`);
    const listed = await listFolderViaApi(request, folder);
    expect(listed.prefixes).toEqual([`${folder}reports 2026/`]);
  });

  test('says why a name is refused, and that a folder exists already', async ({
    page,
    request,
    folder,
    folderPage,
  }) => {
    await putObjectViaApi(request, `${folder}taken/a.txt`, 'a');
    await folderPage.goto(folder);
    await page.getByRole('button', { name: 'New folder' }).click();
    const dialog = new NewFolderDialog(page);
    for (const [name, why] of [
      ['', 'A name is needed'],
      ['a/b', 'A folder name cannot contain "/"'],
      ['..', '".." cannot be a folder name'],
      ['taken', 'A folder named “taken” exists here already'],
    ] as const) {
      await dialog.create(name);
      await expect(dialog.name).toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.name).toHaveAccessibleDescription(new RegExp(escape(why)));
      await expect(dialog.root).toBeVisible();
    }
    // Nothing was written: the folder holds what it held.
    const listed = await listFolderViaApi(request, folder);
    expect(listed.prefixes).toEqual([`${folder}taken/`]);
    expect(listed.keys).toEqual([]);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('Edit text', () => {
  test('saves the text in place; the preview shows it, type, metadata and tags stay', async ({
    request,
    folder,
    folderPage,
    detailsPanel,
  }) => {
    const key = `${folder}settings.json`;
    await putObjectViaApi(request, key, '{"retries": 1}', {
      contentType: 'application/json',
      metadata: { owner: 'ann' },
    });
    const tagged = await request.put(objectTagsApiPath(key), {
      headers: CSRF_HEADERS,
      data: { tags: [{ key: 'team', value: 'ops' }] },
    });
    expect(tagged.status()).toBe(200);

    await folderPage.goto(folder, key);
    await detailsPanel.root.getByRole('button', { name: 'Edit text' }).click();
    await expect(detailsPanel.textEditor).toHaveValue('{"retries": 1}');
    await expect(detailsPanel.textEditor).toBeFocused();
    await detailsPanel.textEditor.fill('{"retries": 3, "note": "é"}');
    await detailsPanel.editForm('Edit text').getByRole('button', { name: 'Save' }).click();

    await expect(detailsPanel.editForm('Edit text')).toHaveCount(0);
    await expect(detailsPanel.previewText).toContainText('"retries": 3');
    await expect(detailsPanel.field('Content type')).toHaveText('application/json');
    await expect(detailsPanel.tableValue('User metadata', 'owner')).toHaveText('ann');
    await expect(detailsPanel.tableValue('Tags', 'team')).toHaveText('ops');
    expect(await readObjectViaApi(request, key)).toBe('{"retries": 3, "note": "é"}');
    const details = await (await request.get(objectApiPath(key))).json();
    expect(details).toMatchObject({ contentType: 'application/json', metadata: { owner: 'ann' } });
  });

  test('invalid JSON is pointed out before saving; "Save anyway" saves it as it is', async ({
    request,
    folder,
    folderPage,
    detailsPanel,
  }) => {
    const key = `${folder}broken.json`;
    await putObjectViaApi(request, key, '{"a": 1}', { contentType: 'application/json' });
    await folderPage.goto(folder, key);
    await detailsPanel.root.getByRole('button', { name: 'Edit text' }).click();
    const form = detailsPanel.editForm('Edit text');
    await detailsPanel.textEditor.fill('{"a": 1,');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('This is not valid JSON.')).toBeVisible();
    expect(await readObjectViaApi(request, key)).toBe('{"a": 1}');
    await form.getByRole('button', { name: 'Save anyway' }).click();
    await expect(form).toHaveCount(0);
    expect(await readObjectViaApi(request, key)).toBe('{"a": 1,');
  });

  test('a change made meanwhile is not overwritten: the conflict says so, Reload loads it', async ({
    request,
    folder,
    folderPage,
    detailsPanel,
  }) => {
    // Empty at first: the editor opens it as "" and Reload still reads what is there now.
    const key = `${folder}notes.txt`;
    await putObjectViaApi(request, key, '');
    await folderPage.goto(folder, key);
    await detailsPanel.root.getByRole('button', { name: 'Edit text' }).click();
    await expect(detailsPanel.textEditor).toHaveValue('');
    // Someone else saves while the editor is open.
    await putObjectViaApi(request, key, 'theirs');
    await detailsPanel.textEditor.fill('mine');
    const form = detailsPanel.editForm('Edit text');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('This object changed since you opened it.')).toBeVisible();
    expect(await readObjectViaApi(request, key)).toBe('theirs');

    await form.getByRole('button', { name: 'Reload' }).click();
    await expect(detailsPanel.textEditor).toHaveValue('theirs');
    await detailsPanel.textEditor.fill('theirs, then mine');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(detailsPanel.previewText).toHaveText('theirs, then mine');
  });

  test('a text over the limit is not opened in the editor: download it instead', async ({
    request,
    folder,
    folderPage,
    detailsPanel,
  }) => {
    const key = `${folder}big.log`;
    await putObjectViaApi(request, key, 'x'.repeat(TEXT_EDIT_MAX_BYTES + 1));
    await folderPage.goto(folder, key);
    await detailsPanel.root.getByRole('button', { name: 'Edit text' }).click();
    const form = detailsPanel.root.getByText('Too large to edit here.');
    await expect(form).toBeVisible();
    await expect(detailsPanel.root.getByText(/Download it instead/)).toBeVisible();
    await expect(detailsPanel.root.getByRole('textbox', { name: 'Text' })).toHaveCount(0);
  });

  test('no "Edit text" for what is not text', async ({
    request,
    folder,
    folderPage,
    detailsPanel,
  }) => {
    const key = `${folder}blob.bin`;
    await putObjectViaApi(request, key, 'abc', { contentType: 'application/octet-stream' });
    await folderPage.goto(folder, key);
    await expect(detailsPanel.root.getByRole('button', { name: 'Edit metadata' })).toBeVisible();
    await expect(
      detailsPanel.previewText.or(detailsPanel.preview.getByText('No preview')),
    ).toBeVisible();
    await expect(detailsPanel.root.getByRole('button', { name: 'Edit text' })).toHaveCount(0);
  });
});

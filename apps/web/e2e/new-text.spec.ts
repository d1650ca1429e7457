import { expect } from '@playwright/test';
import {
  detailsField,
  detailsPanel,
  expectLocation,
  expectRowNames,
  gridRow,
  previewRegion,
} from './helpers';
import { objectApiPath, objectContentApiPath, objectTagsApiPath } from './support/api';
import { folderTest as test } from './support/fixtures';
import { appFolderUrl } from './support/urls';

test('"New text object" saves the text as a UTF-8 text object and selects it', async ({
  page,
  request,
  folder,
}) => {
  const key = `${folder}notes.txt`;
  const text = 'hello from e2e';

  await page.goto(appFolderUrl(folder));
  await expect(page.getByText('This folder is empty')).toBeVisible();
  await page.getByRole('button', { name: 'New text object' }).click();
  const dialog = page.getByRole('dialog', { name: 'New text object' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`In ${folder}; use "/" for subfolders.`)).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill('notes.txt');
  await dialog.getByLabel('Content', { exact: true }).fill(text);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  // Listed in its folder and opened.
  await expectLocation(page, folder, key);
  await expectRowNames(page, ['notes.txt']);
  await expect(gridRow(page, 'notes.txt')).toHaveAttribute('aria-selected', 'true');
  const panel = detailsPanel(page);
  await expect(detailsField(panel, 'Key')).toHaveText(key);
  await expect(detailsField(panel, 'Content type')).toHaveText('text/plain; charset=utf-8');
  await expect(detailsField(panel, 'Size')).toHaveText(`${text.length} B (${text.length} bytes)`);
  await expect(previewRegion(page).getByLabel('Preview text')).toHaveText(text);

  const content = await request.get(objectContentApiPath(key));
  expect(content.status()).toBe(200);
  expect(content.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect((await content.body()).equals(Buffer.from(text, 'utf8'))).toBe(true);
  const details = await request.get(objectApiPath(key));
  expect(details.status()).toBe(200);
  expect(await details.json()).toMatchObject({
    key,
    size: text.length,
    contentType: 'text/plain; charset=utf-8',
    metadata: {},
  });
  const tags = await request.get(objectTagsApiPath(key));
  expect(await tags.json()).toEqual({ tags: [] });
});

import { expect } from '@playwright/test';
import { NewTextDialog } from './pages/dialogs';
import { objectApiPath, objectContentApiPath, objectTagsApiPath } from './support/api';
import { folderTest as test } from './support/fixtures';

test('"New text object" saves the text as a UTF-8 text object and selects it', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}notes.txt`;
  const text = 'hello from e2e';

  await folderPage.goto(folder);
  await expect(folderPage.emptyMessage).toBeVisible();
  await page.getByRole('button', { name: 'New text object' }).click();
  const dialog = new NewTextDialog(page);
  await expect(dialog.root).toBeVisible();
  await expect(dialog.root.getByText(`In ${folder}; use "/" for subfolders.`)).toBeVisible();
  await dialog.name.fill('notes.txt');
  await dialog.content.fill(text);
  await dialog.save();
  await expect(dialog.root).toHaveCount(0);

  // Listed in its folder and opened.
  await folderPage.expectLocation(folder, key);
  await folderPage.expectRowNames(['notes.txt']);
  await expect(folderPage.row('notes.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(detailsPanel.field('Key')).toHaveText(key);
  await expect(detailsPanel.field('Content type')).toHaveText('text/plain; charset=utf-8');
  await expect(detailsPanel.field('Size')).toHaveText(`${text.length} B (${text.length} bytes)`);
  await expect(detailsPanel.previewText).toHaveText(text);

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

import { expect } from '@playwright/test';
import { objectApiPath, objectContentApiPath, objectTagsApiPath } from './support/api';
import { folderTest as test } from './support/fixtures';

type Details = {
  contentType: string | null;
  cacheControl: string | null;
  size: number;
  etag: string | null;
  metadata: Record<string, string>;
};
type ObjectTags = { tags: { key: string; value: string }[] };

test('metadata and tags edited in the forms are stored and survive a reload', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
  transfersPanel,
}) => {
  const name = 'measurements.txt';
  const key = `${folder}${name}`;
  const body = Buffer.from('id,value,unit\n1,42,°C\n2,17,°C\n', 'utf8');
  const getDetails = async () => {
    const res = await request.get(objectApiPath(key));
    expect(res.status()).toBe(200);
    return (await res.json()) as Details;
  };

  // An object of our own, through "Upload files".
  await folderPage.goto(folder);
  await folderPage.pickFiles('Upload files', { name, mimeType: 'text/plain', buffer: body });
  await transfersPanel.expectUploaded(key);
  await transfersPanel.close();
  await folderPage.openRow(name);
  await folderPage.expectLocation(folder, key);
  await expect(detailsPanel.field('Content type')).toHaveText('text/plain');
  await expect(detailsPanel.root.getByText('No user metadata.')).toBeVisible();
  const uploaded = await getDetails();

  // --- Edit metadata: a bad name first, which is refused in the form, then the fix.
  await detailsPanel.root.getByRole('button', { name: 'Edit metadata' }).click();
  const form = detailsPanel.editForm('Edit metadata');
  await expect(form.getByRole('heading', { name: 'Edit metadata' })).toBeVisible();
  await form.getByLabel('Content-Type', { exact: true }).fill('text/csv');
  await form.getByLabel('Cache-Control', { exact: true }).fill('max-age=60');
  await form.getByRole('button', { name: 'Add metadata' }).click();
  await form.getByLabel('Metadata name 1', { exact: true }).fill('Owner name');
  await form.getByLabel('Metadata value 1', { exact: true }).fill('Zoë');
  await form.getByRole('button', { name: 'Add metadata' }).click();
  await form.getByLabel('Metadata name 2', { exact: true }).fill('team');
  await form.getByLabel('Metadata value 2', { exact: true }).fill('data');

  const writes: string[] = [];
  page.on('request', (req) => {
    if (req.method() !== 'GET') writes.push(`${req.method()} ${req.url()}`);
  });
  await form.getByRole('button', { name: 'Save' }).click();
  const badName = form.getByLabel('Metadata name 1', { exact: true });
  const message = 'Metadata names use lowercase letters, digits, "-" and "_" only';
  await expect(badName).toHaveAttribute('aria-invalid', 'true');
  await expect(badName).toHaveAccessibleDescription(message);
  await expect(form.getByText(message)).toHaveCount(1);
  // Only that field is wrong; the form stays open with what was typed.
  await expect(form.getByLabel('Metadata name 2', { exact: true })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form.getByLabel('Content-Type', { exact: true })).toHaveValue('text/csv');
  expect(writes, 'requests sent for an invalid form').toEqual([]);
  expect(await getDetails()).toEqual(uploaded);

  await badName.fill('owner');
  await expect(badName).not.toHaveAttribute('aria-invalid', 'true');
  const saved = page.waitForResponse(
    (res) => res.url().includes('/object/metadata') && res.request().method() === 'PUT',
  );
  await form.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(200);
  await expect(form).toHaveCount(0);
  await expect(detailsPanel.field('Content type')).toHaveText('text/csv');

  // --- Edit tags.
  await detailsPanel.root.getByRole('button', { name: 'Edit tags' }).click();
  const tagsForm = detailsPanel.editForm('Edit tags');
  await expect(tagsForm.getByText('No tags. Saving removes every tag.')).toBeVisible();
  await tagsForm.getByRole('button', { name: 'Add tag' }).click();
  await tagsForm.getByLabel('Tag key 1', { exact: true }).fill('env');
  await tagsForm.getByLabel('Tag value 1', { exact: true }).fill('prod');
  await tagsForm.getByRole('button', { name: 'Add tag' }).click();
  await tagsForm.getByLabel('Tag key 2', { exact: true }).fill('project');
  await tagsForm.getByLabel('Tag value 2', { exact: true }).fill('stowage');
  await tagsForm.getByRole('button', { name: 'Save' }).click();
  await expect(tagsForm).toHaveCount(0);
  await expect(detailsPanel.tableValue('Tags', 'env')).toHaveText('prod');

  // --- After a reload, everything comes from the store.
  await page.reload();
  await folderPage.expectLocation(folder, key);
  await expect(folderPage.row(name)).toHaveAttribute('aria-selected', 'true');
  await expect(detailsPanel.field('Content type')).toHaveText('text/csv');
  await expect(detailsPanel.field('Cache-Control')).toHaveText('max-age=60');
  await expect(detailsPanel.field('Size')).toHaveText(`${body.length} B (${body.length} bytes)`);
  await expect(detailsPanel.tableValue('User metadata', 'owner')).toHaveText('Zoë');
  await expect(detailsPanel.tableValue('User metadata', 'team')).toHaveText('data');
  await expect(detailsPanel.table('User metadata').getByRole('row')).toHaveCount(3);
  await expect(detailsPanel.tableValue('Tags', 'env')).toHaveText('prod');
  await expect(detailsPanel.tableValue('Tags', 'project')).toHaveText('stowage');
  await expect(detailsPanel.table('Tags').getByRole('row')).toHaveCount(3);

  // The API: the non-ASCII value is stored as an RFC 2047 encoded word, the rest as typed.
  const details = await getDetails();
  expect(details).toMatchObject({ contentType: 'text/csv', cacheControl: 'max-age=60' });
  expect(Object.keys(details.metadata).sort()).toEqual(['owner', 'team']);
  expect(details.metadata.team).toBe('data');
  const word = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/i.exec(details.metadata.owner ?? '');
  expect(word, `metadata.owner = ${String(details.metadata.owner)}`).not.toBeNull();
  expect(Buffer.from(word?.[1] ?? '', 'base64').toString('utf8')).toBe('Zoë');
  const tagsRes = await request.get(objectTagsApiPath(key));
  expect(tagsRes.status()).toBe(200);
  const { tags } = (await tagsRes.json()) as ObjectTags;
  expect([...tags].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
    { key: 'env', value: 'prod' },
    { key: 'project', value: 'stowage' },
  ]);

  // The edit rewrote the headers only: the body is the one uploaded.
  expect(details.size).toBe(uploaded.size);
  const content = await request.get(objectContentApiPath(key));
  expect(content.status()).toBe(200);
  expect(content.headers()['content-type']).toBe('text/csv');
  expect((await content.body()).equals(body), 'body bytes unchanged').toBe(true);
});

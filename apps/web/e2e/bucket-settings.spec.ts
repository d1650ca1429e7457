import { expect } from '@playwright/test';
import { bucketSettingPath, type CorsDocument } from '@stowage/shared';
import { DEMO_BUCKET } from './support/demo';
import { folderTest as test } from './support/fixtures';
import { SETTING_SECTIONS } from './pages/bucket-settings-page';

// The embedded s3rver has bucket CORS and none of the other settings' APIs (GET …?lifecycle,
// ?policy, ?tagging, ?encryption, ?object-lock answer NotImplemented or MethodNotAllowed; its
// ?versioning answers a bucket listing): those sections say so and offer nothing.
const UNSUPPORTED = {
  Versioning: 'versioning',
  Lifecycle: 'lifecycle rules',
  'Bucket policy': 'bucket policies',
  'Bucket tags': 'bucket tags',
  'Default encryption': 'default encryption',
  'Object lock': 'object lock',
} as const;

test('the bucket page links to its settings; what the store lacks is said, with no control', async ({
  page,
  folderPage,
  settingsPage,
}) => {
  await folderPage.goto();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(`/b/${DEMO_BUCKET}/settings`);
  await expect(settingsPage.heading(DEMO_BUCKET)).toBeVisible();
  await settingsPage.expectLoaded();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([...SETTING_SECTIONS]);

  for (const [title, what] of Object.entries(UNSUPPORTED)) {
    const section = settingsPage.section(title as keyof typeof UNSUPPORTED);
    await expect(section).toContainText(`This store does not support ${what}.`);
    await expect(section.getByRole('button')).toHaveCount(0);
    await expect(section.getByRole('textbox')).toHaveCount(0);
  }
  // CORS it has: nothing set on the demo bucket, and a rule can be added.
  const cors = settingsPage.section('CORS');
  await expect(cors).toContainText('Not set: no CORS rules.');
  await expect(cors.getByRole('button', { name: 'Add CORS rule' })).toBeVisible();

  await page.getByRole('link', { name: 'Back to the bucket' }).click();
  await expect(folderPage.row('README.txt')).toBeVisible();
});

test('CORS through the form: saved, shown as the store read it back, kept after a reload, then through JSON, then removed', async ({
  page,
  request,
  otherBucket,
  settingsPage,
}) => {
  const api = bucketSettingPath(otherBucket, 'cors');
  await settingsPage.goto(otherBucket);
  await settingsPage.expectLoaded();
  const cors = settingsPage.section('CORS');
  await expect(cors).toContainText('Not set: no CORS rules.');

  await cors.getByRole('button', { name: 'Add CORS rule' }).click();
  const form = cors.getByRole('form', { name: 'New CORS rule' });
  await form
    .getByLabel('Allowed origins')
    .fill('https://app.example.com\nhttps://admin.example.com');
  // GET and HEAD are checked for a new rule.
  await expect(form.getByRole('checkbox', { name: 'GET' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'PUT' }).check();
  await form.getByLabel('Allowed headers').fill('Content-Type');
  await form.getByLabel('Expose headers').fill('ETag');
  await form.getByLabel('Max age (seconds)').fill('600');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(settingsPage.saved('CORS')).toContainText('Saved.');
  await expect(form).toHaveCount(0);
  const expected: CorsDocument = {
    CORSRules: [
      {
        AllowedOrigins: ['https://app.example.com', 'https://admin.example.com'],
        AllowedMethods: ['GET', 'PUT', 'HEAD'],
        AllowedHeaders: ['Content-Type'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 600,
      },
    ],
  };
  const stored = await request.get(api);
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toEqual(expected);

  const row = settingsPage.rules('CORS').getByRole('row').nth(1);
  await expect(row).toContainText('https://app.example.com, https://admin.example.com');
  await expect(row).toContainText('GET, PUT, HEAD');
  await expect(row).toContainText('600 s');
  await page.reload();
  await expect(settingsPage.rules('CORS').getByRole('row').nth(1)).toContainText(
    'https://app.example.com, https://admin.example.com',
  );

  // The JSON tab holds the same document; a change there is saved the same way.
  await settingsPage.openTab('CORS', 'JSON');
  const editor = settingsPage.jsonEditor('CORS');
  expect(JSON.parse(await editor.inputValue())).toEqual(expected);
  await editor.fill(
    JSON.stringify({ CORSRules: [{ ...expected.CORSRules[0], MaxAgeSeconds: 1200 }] }),
  );
  await cors.getByRole('button', { name: 'Save JSON' }).click();
  await expect(settingsPage.saved('CORS')).toContainText('Saved.');
  expect(await (await request.get(api)).json()).toMatchObject({
    CORSRules: [{ MaxAgeSeconds: 1200 }],
  });
  // Shown as read back, two-space JSON as the CLI prints it.
  expect(await editor.inputValue()).toContain('\n      "MaxAgeSeconds": 1200');

  await settingsPage.openTab('CORS', 'Rules');
  await cors.getByRole('button', { name: 'Delete CORS configuration' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the CORS configuration?' });
  await confirm.getByRole('button', { name: 'Delete CORS configuration' }).click();
  await expect(settingsPage.saved('CORS')).toContainText('Removed');
  await expect(cors).toContainText('Not set: no CORS rules.');
  const gone = await request.get(api);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toMatchObject({ code: 'NotConfigured' });
});

test('the CORS form and its JSON say what is wrong, where, before anything is sent', async ({
  page,
  otherBucket,
  settingsPage,
}) => {
  const writes: string[] = [];
  page.on('request', (req) => {
    if (req.method() !== 'GET') writes.push(`${req.method()} ${req.url()}`);
  });
  await settingsPage.goto(otherBucket);
  await settingsPage.expectLoaded();
  const cors = settingsPage.section('CORS');

  await cors.getByRole('button', { name: 'Add CORS rule' }).click();
  const form = cors.getByRole('form', { name: 'New CORS rule' });
  await form.getByRole('checkbox', { name: 'GET' }).uncheck();
  await form.getByRole('checkbox', { name: 'HEAD' }).uncheck();
  await form.getByLabel('Max age (seconds)').fill('ten');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByLabel('Allowed origins')).toHaveAccessibleDescription(
    /Allow at least one origin/,
  );
  await expect(form).toContainText('Allow at least one method');
  await expect(form).toContainText('Max age: a whole number of seconds');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await settingsPage.openTab('CORS', 'JSON');
  const editor = settingsPage.jsonEditor('CORS');
  const save = cors.getByRole('button', { name: 'Save JSON' });
  await expect(save).toBeDisabled();
  // A syntax error: its line and column, and a button that puts the caret there.
  await editor.fill(
    '{\n  "CORSRules": [\n    { "AllowedOrigins": ["*"] "AllowedMethods": ["GET"] }\n  ]\n}',
  );
  await expect(cors).toContainText("Line 3, column 31: Expected ',' or '}' after property value");
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();
  await cors.getByRole('button', { name: 'Go to line 3' }).click();
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
    '{\n  "CORSRules": [\n    { "AllowedOrigins": ["*"] '.length,
  );
  // Valid JSON, not a CORS document: each problem with the field's path.
  await editor.fill('{ "CORSRules": [{ "AllowedOrigins": ["*"], "AllowedMethods": ["PATCH"] }] }');
  await expect(cors.getByRole('list', { name: 'Problems' })).toHaveText(
    'CORSRules[0].AllowedMethods[0]: A method is one of GET, PUT, POST, DELETE, HEAD',
  );
  await expect(save).toBeDisabled();
  await editor.fill('{ "CORSRules": [{ "AllowedOrigins": ["*"], "AllowedMethods": ["GET"] }] }');
  await expect(editor).not.toHaveAttribute('aria-invalid');
  await expect(save).toBeEnabled();
  expect(writes).toEqual([]);
});

test('a store that refuses a document: its message, and the setting left as it was', async ({
  request,
  otherBucket,
  settingsPage,
}) => {
  // s3rver refuses a CORS origin with two wildcards ("https://*.*.example.com"), which S3's
  // schema (and ours) lets through.
  await settingsPage.goto(otherBucket);
  await settingsPage.expectLoaded();
  const cors = settingsPage.section('CORS');
  await cors.getByRole('button', { name: 'Add CORS rule' }).click();
  const form = cors.getByRole('form', { name: 'New CORS rule' });
  await form.getByLabel('Allowed origins').fill('https://*.*.example.com');
  await form.getByRole('button', { name: 'Save' }).click();
  const alert = cors.getByRole('alert');
  await expect(alert).toContainText('Could not save the CORS rules.');
  // The API's message names the store's refusal (s3rver's InvalidRequest).
  await expect(alert).toContainText('InvalidRequest');
  await expect(form).toBeVisible();
  expect((await request.get(bucketSettingPath(otherBucket, 'cors'))).status()).toBe(404);
});

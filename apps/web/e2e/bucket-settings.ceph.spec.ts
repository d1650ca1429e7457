import { expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { BUCKETS_PATH, bucketPath, bucketSettingPath } from '@stowage/shared';
import { CSRF_HEADERS } from './support/api';
import { test as base } from './support/fixtures';
import { cephS3 } from './support/s3';

// On Ceph RGW (the `ceph` project), which has every setting s3rver lacks: the forms write
// them, a reload shows them, boto3 reads the same.

/** A fresh bucket made through the API, deleted after the test (its settings go with it). */
const test = base.extend<{ bucket: string }>({
  bucket: async ({ request }, use) => {
    const bucket = `e2e-settings-${randomBytes(4).toString('hex')}`;
    const made = await request.post(BUCKETS_PATH, {
      data: { name: bucket },
      headers: CSRF_HEADERS,
    });
    expect(made.status(), `create ${bucket}`).toBe(201);
    await use(bucket);
    await removeBucket(request, bucket);
  },
});

async function removeBucket(request: APIRequestContext, bucket: string) {
  const res = await request.delete(bucketPath(bucket), { headers: CSRF_HEADERS });
  expect([200, 204], `delete ${bucket}`).toContain(res.status());
}

test('a lifecycle rule through the form: saved, seen after a reload, and boto3 reads the same', async ({
  page,
  request,
  bucket,
  settingsPage,
}) => {
  await settingsPage.goto(bucket);
  await settingsPage.expectLoaded();
  const lifecycle = settingsPage.section('Lifecycle');
  await expect(lifecycle).toContainText('Not set: no lifecycle rules.');

  await lifecycle.getByRole('button', { name: 'Add rule' }).click();
  const form = lifecycle.getByRole('form', { name: 'New lifecycle rule' });
  await expect(form.getByLabel('Rule ID')).toHaveValue('rule-1');
  await form.getByLabel('Rule ID').fill('expire-logs');
  await form.getByLabel('Prefix').fill('logs/');
  await form.getByLabel('Expire objects after (days)').fill('30');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(settingsPage.saved('Lifecycle')).toContainText('Saved.');
  await expect(form).toHaveCount(0);

  await page.reload();
  const row = settingsPage.rules('Lifecycle').getByRole('row', { name: /expire-logs/ });
  await expect(row.getByRole('cell')).toHaveText([
    'Enabled',
    'Prefix logs/',
    'Expire objects after 30 days',
    /Edit/,
  ]);
  const rule = {
    ID: 'expire-logs',
    Status: 'Enabled',
    Filter: { Prefix: 'logs/' },
    Expiration: { Days: 30 },
  };
  expect(cephS3.lifecycle(bucket)).toEqual([rule]);
  expect(await (await request.get(bucketSettingPath(bucket, 'lifecycle'))).json()).toEqual({
    Rules: [rule],
  });

  // Edited through the form: a second action on the same rule.
  await row.getByRole('button', { name: 'Edit expire-logs' }).click();
  const edit = lifecycle.getByRole('form', { name: 'Edit rule expire-logs' });
  await expect(edit.getByLabel('Prefix')).toHaveValue('logs/');
  await edit.getByLabel('Abort incomplete multipart uploads after (days)').fill('7');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('cell').nth(2)).toHaveText(
    'Expire objects after 30 daysAbort incomplete uploads after 7 days',
  );
  expect(cephS3.lifecycle(bucket)).toEqual([
    { ...rule, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
  ]);

  // Removing the only rule removes the configuration.
  await row.getByRole('button', { name: 'Remove expire-logs' }).click();
  await expect(lifecycle).toContainText('Not set: no lifecycle rules.');
  expect(cephS3.lifecycle(bucket)).toBeNull();
});

test('the policy editor: inline errors, a public preset saved only once confirmed, then deleted', async ({
  page,
  bucket,
  settingsPage,
}) => {
  await settingsPage.goto(bucket);
  await settingsPage.expectLoaded();
  const policy = settingsPage.section('Bucket policy');
  await expect(policy).toContainText('Not set: no bucket policy.');
  const editor = policy.getByLabel('Policy (JSON)');
  const save = policy.getByRole('button', { name: 'Save policy' });

  await editor.fill('{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow" ');
  await expect(policy).toContainText("Line 4, column 25: Expected ',' or '}' after property value");
  await expect(save).toBeDisabled();
  await editor.fill('{ "Version": "2012-10-17", "Statement": [] }');
  await expect(policy.getByRole('list', { name: 'Problems' })).toHaveText(
    'Statement: A policy has at least one statement',
  );

  await editor.fill('');
  await policy.getByLabel('Prefix').fill('pub/');
  await policy.getByRole('button', { name: 'Add public read of this prefix' }).click();
  expect(JSON.parse(await editor.inputValue())).toMatchObject({
    Statement: [{ Effect: 'Allow', Principal: '*', Resource: `arn:aws:s3:::${bucket}/pub/*` }],
  });
  const warning = policy
    .getByRole('alert')
    .filter({ hasText: 'This policy makes the bucket public.' });
  await expect(warning).toBeVisible();
  await expect(save).toBeDisabled();
  await warning.getByRole('checkbox', { name: /I understand/ }).check();
  await save.click();
  await expect(settingsPage.saved('Bucket policy')).toContainText('Saved.');
  await page.reload();
  expect(JSON.parse(await editor.inputValue())).toMatchObject({
    Statement: [{ Resource: `arn:aws:s3:::${bucket}/pub/*` }],
  });

  await policy.getByRole('button', { name: 'Delete policy' }).click();
  await page
    .getByRole('dialog', { name: 'Delete the bucket policy?' })
    .getByRole('button', { name: 'Delete policy' })
    .click();
  await expect(policy).toContainText('Not set: no bucket policy.');
});

test('versioning and tags: enabled after a confirmation, tags saved and shown after a reload', async ({
  page,
  bucket,
  settingsPage,
}) => {
  await settingsPage.goto(bucket);
  await settingsPage.expectLoaded();
  const versioning = settingsPage.section('Versioning');
  await expect(versioning).toContainText('Never enabled.');
  await versioning.getByRole('button', { name: 'Enable versioning' }).click();
  const confirm = page.getByRole('dialog', { name: 'Enable versioning?' });
  await expect(confirm).toContainText('never returns to “never enabled”');
  await confirm.getByRole('button', { name: 'Enable versioning' }).click();
  await expect(versioning).toContainText('Enabled: every overwrite and delete keeps');
  expect(cephS3.versioning(bucket)).toBe('Enabled');

  const tags = settingsPage.section('Bucket tags');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await tags.getByLabel('Tag key 1').fill('team');
  await tags.getByLabel('Tag value 1').fill('storage');
  await tags.getByRole('button', { name: 'Save tags' }).click();
  await expect(settingsPage.saved('Bucket tags')).toContainText('Saved.');
  await page.reload();
  await expect(settingsPage.section('Bucket tags').getByLabel('Tag key 1')).toHaveValue('team');
  await expect(settingsPage.section('Object lock')).toContainText('Not enabled on this bucket.');
});

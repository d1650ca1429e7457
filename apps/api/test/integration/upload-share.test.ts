import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BufferBudget } from '../../src/upload/buffer-budget.js';
import { build, createBucket, fixtureClient, q, type TestApp } from '../helper.js';
import { exists, sha256, storedSha, until } from '../fixtures.js';
import { FORM_TYPE, closeRawRequests, formHead, rawRequest, wholeForm } from '../raw-http.js';

const MiB = 1024 * 1024;
const TiB = 1024 ** 4;
const s3 = fixtureClient();
/** The default budget (256 MiB), held by the test so it can see what uploads reserve. */
const budget = new BufferBudget(256 * MiB);
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build({}, { uploadBudget: budget });
  await app.listen({ port: 0, host: '127.0.0.1' });
  bucket = await createBucket(app, 'share');
});
afterEach(closeRawRequests);
afterAll(() => app.close());

const uploadPath = (key: string) => `/api/buckets/${bucket}/upload?${q({ key })}`;

/** A whole upload on its own connection; resolves with the answer and how long it took. */
async function smallUpload(target: TestApp, key: string, file: Buffer) {
  const form = wholeForm(file, { size: String(file.length) });
  const started = Date.now();
  const req = rawRequest(target, {
    method: 'POST',
    path: `/api/buckets/${bucket}/upload?${q({ key })}`,
    headers: { 'content-type': FORM_TYPE, 'content-length': form.length, connection: 'close' },
  });
  await req.send(form);
  const res = await req.response();
  return { ...res, ms: Date.now() - started };
}

describe('one upload declaring 5 TiB', () => {
  it('reserves only its share of the budget, and a small upload beside it is taken at once', async () => {
    const staller = rawRequest(app, {
      method: 'POST',
      path: uploadPath('share/huge.bin'),
      headers: { 'content-type': FORM_TYPE, 'content-length': 5 * TiB + 1024 },
    });
    // The fields, the file part's head and a few bytes of the file: then nothing.
    await staller.send(formHead({ size: String(5 * TiB) }));
    await staller.send(randomBytes(1000));
    await until(() => budget.reservedBytes > 0, 'the 5 TiB upload to reserve its memory');
    // A quarter of the 256 MiB budget, not the whole of it (2 × 611 MiB parts, capped).
    expect(budget.reservedBytes).toBe(64 * MiB);

    const file = randomBytes(3 * MiB);
    const small = await smallUpload(app, 'share/small.bin', file);
    expect(small.status).toBe(200);
    // Not queued behind the staller: it goes straight through (a few hundred ms here).
    expect(small.ms).toBeLessThan(5000);
    expect(JSON.parse(small.body)).toMatchObject({ key: 'share/small.bin', size: file.length });
    expect(await storedSha(s3, bucket, 'share/small.bin')).toBe(sha256(file));
    expect(budget.reservedBytes).toBe(64 * MiB);

    staller.socket.destroy();
    await until(() => budget.reservedBytes === 0, 'the staller to give its share back');
    expect(await exists(s3, bucket, 'share/huge.bin')).toBe(false);
  });
});

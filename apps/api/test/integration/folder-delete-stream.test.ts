import { DeleteObjectsResponseSchema, DeleteProgressSchema, NDJSON } from '@stowage/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureClient, type TestApp } from '../helper.js';
import { listKeys } from '../fixtures.js';
import { listenOnLoopback } from '../raw-http.js';
import { appWithBuckets, appsClosedAfterAll, numbered, putMany } from '../organize.js';
import { requestThenHangUp, slowApp as slowAppFor } from '../organize.js';

const s3 = fixtureClient();
const apps = appsClosedAfterAll();
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  ({ app, src: bucket } = await appWithBuckets(apps, 'fdel'));
});

const folderDelete = (target: TestApp, prefix: string, headers: Record<string, string> = {}) =>
  target.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/delete`,
    payload: { prefix },
    headers,
  });

/** An NDJSON answer read strictly: progress lines, then the summary as the last line. */
function parseLines(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.trimEnd().split('\n');
  const last = lines.pop()!;
  return {
    progress: lines.map((l) => DeleteProgressSchema.strict().parse(JSON.parse(l))),
    result: DeleteObjectsResponseSchema.strict().parse(JSON.parse(last)),
  };
}

/** An app whose every DeleteObjects takes `ms` longer, and the result of its next folder delete. */
const slowApp = (ms: number) => slowAppFor(apps, 'DeleteObjects', 'deletePrefix', ms);

describe('POST /delete { prefix } streamed (Accept: application/x-ndjson)', () => {
  it('writes progress lines (listed, then per batch), then the summary; the JSON answer stays', async () => {
    await putMany(s3, bucket, numbered('streamed/', 60));
    await putMany(s3, bucket, numbered('plain/', 30));

    const res = await folderDelete(app, 'streamed/', { accept: NDJSON });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(NDJSON);
    const { progress, result } = parseLines(res.payload);
    expect(result).toEqual({ deleted: 60, errors: [] });
    expect(progress[0]).toEqual({ deleted: 0, failed: 0, total: 60 });
    expect(progress.at(-1)).toEqual({ deleted: 60, failed: 0, total: 60 });
    expect(await listKeys(s3, bucket, 'streamed/')).toEqual([]);

    // No Accept: the one JSON answer outside tools use.
    const plain = await folderDelete(app, 'plain/');
    expect(plain.headers['content-type']).toContain('application/json');
    expect(plain.json()).toEqual({ deleted: 30, errors: [] });
    expect(await listKeys(s3, bucket, 'plain/')).toEqual([]);
  });

  it('a missing bucket is an ordinary error answer, not a stream', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/buckets/no-such-bucket-${Date.now()}/delete`,
      payload: { prefix: 'a/' },
      headers: { accept: NDJSON },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
  });
});

describe('a client that closes the stream', () => {
  it('stops the folder delete after the batch in flight: fewer keys deleted, none half-done', async () => {
    const keys = numbered('cancel/', 1500);
    await putMany(s3, bucket, keys);
    const { slow, finished } = await slowApp(300);
    const port = await listenOnLoopback(slow);
    // The client leaves once the folder is listed, while the first batch is in flight.
    const received = await postThenHangUp(port, slow, 'cancel/', (r) => r.includes('"total"'));
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toContain('{"deleted":0,"failed":0,"total":1500}');
    const result = await finished();
    // The batch in flight (1,000 keys) went whole; the next one never started.
    expect(result).toEqual({ deleted: 1000, errors: [], cancelled: true });
    expect((await listKeys(s3, bucket, 'cancel/')).sort()).toEqual(keys.slice(1000));
    // The app goes on answering.
    expect((await folderDelete(app, 'cancel/')).json()).toEqual({ deleted: 500, errors: [] });
  }, 120_000);
});

/** POSTs a folder delete on a real socket and closes it once `closeWhen` holds for what arrived. */
const postThenHangUp = (
  port: number,
  target: TestApp,
  prefix: string,
  closeWhen: (received: string) => boolean,
) =>
  requestThenHangUp(port, target, {
    path: `/api/buckets/${bucket}/delete`,
    body: { prefix },
    headers: { accept: NDJSON },
    closeWhen,
  });

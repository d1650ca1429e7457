import { beforeAll, describe, expect, it } from 'vitest';
import { build, fixtureClient } from '../helper.js';
import { exists, listKeys } from '../fixtures.js';
import { copyRequest, numbered, putMany } from '../organize.js';
import { appWithBuckets, appsClosedAfterAll, sortedKeys } from '../organize.js';

const s3 = fixtureClient();
const apps = appsClosedAfterAll();
let src: string;
let dst: string;

beforeAll(async () => {
  ({ src, dst } = await appWithBuckets(apps, 'fail'));
});

const sorted = (bucket: string, prefix: string) => sortedKeys(s3, bucket, prefix);

describe('a move whose copy fails keeps its source', () => {
  it('a CopyObject the store fails: that key in errors, its source kept, the rest moved', async () => {
    const keys = numbered('mid/', 10);
    await putMany(s3, src, keys);
    const flaky = await build();
    apps.push(flaky);
    flaky.objectStore.aroundSends(async (command, input, send) => {
      if (command === 'CopyObject' && String(input.CopySource).endsWith('mid/0003')) {
        throw Object.assign(new Error('boom'), {
          name: 'InternalError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      return send();
    });
    const res = await copyRequest(flaky, src, {
      prefix: 'mid/',
      to: { bucket: dst, prefix: 'mid/' },
      move: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      copied: 9,
      skipped: 0,
      errors: [
        {
          key: 'mid/0003',
          code: 'StoreUnavailable',
          message: `The store at ${flaky.objectStore.endpointLabel} failed (InternalError)`,
        },
      ],
      cancelled: false,
    });
    expect(await listKeys(s3, src, 'mid/')).toEqual(['mid/0003']);
    expect(await sorted(dst, 'mid/')).toEqual(keys.filter((k) => k !== 'mid/0003'));
  });

  it('a copy the store claims but did not make is caught by the verification', async () => {
    await putMany(s3, src, ['ghost/a.txt', 'ghost/b.txt']);
    const liar = await build();
    apps.push(liar);
    // Stands in for a store that answers the copy without making it.
    liar.objectStore.aroundSends(async (command, input, send) => {
      if (command === 'CopyObject' && String(input.Key).endsWith('a.txt')) {
        return { $metadata: { httpStatusCode: 200 }, CopyObjectResult: {} };
      }
      return send();
    });
    const res = await copyRequest(liar, src, {
      prefix: 'ghost/',
      to: { bucket: dst, prefix: 'ghost/' },
      move: true,
    });
    expect(res.json()).toMatchObject({
      copied: 1,
      errors: [{ key: 'ghost/a.txt', code: 'NoSuchKey' }],
    });
    expect(await listKeys(s3, src, 'ghost/')).toEqual(['ghost/a.txt']);
    expect(await listKeys(s3, dst, 'ghost/')).toEqual(['ghost/b.txt']);
  });

  it('a copy that differs from its source is not verified: source kept', async () => {
    await putMany(s3, src, ['diff/a.txt', 'other/longer-body.txt']);
    const swapper = await build();
    apps.push(swapper);
    // Stands in for a store that copies the wrong bytes: the copy holds another object.
    swapper.objectStore.aroundSends(async (command, input, send) => {
      if (command === 'CopyObject') {
        input.CopySource = `${src}/other/longer-body.txt`;
        delete input.CopySourceIfMatch;
      }
      return send();
    });
    const res = await copyRequest(swapper, src, {
      keys: ['diff/a.txt'],
      to: { bucket: dst, prefix: 'diff/' },
      move: true,
    });
    expect(res.json()).toMatchObject({
      copied: 0,
      errors: [{ key: 'diff/a.txt', code: 'CopyNotVerified' }],
    });
    expect(await exists(s3, src, 'diff/a.txt')).toBe(true);
  });

  it('a source the store will not delete is reported: its verified copy exists', async () => {
    await putMany(s3, src, ['nodel/a.txt', 'nodel/b.txt']);
    const stubborn = await build();
    apps.push(stubborn);
    stubborn.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'DeleteObjects') {
        throw Object.assign(new Error('boom'), {
          name: 'InternalError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      return send();
    });
    const res = await copyRequest(stubborn, src, {
      prefix: 'nodel/',
      to: { bucket: dst, prefix: 'nodel/' },
      move: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ copied: 2, cancelled: false });
    expect(body.errors.map((e: { key: string }) => e.key).sort()).toEqual([
      'nodel/a.txt',
      'nodel/b.txt',
    ]);
    expect(body.errors[0].message).toMatch(/^Copied, but the source was not deleted: /);
    expect(await sorted(src, 'nodel/')).toEqual(['nodel/a.txt', 'nodel/b.txt']);
    expect(await sorted(dst, 'nodel/')).toEqual(['nodel/a.txt', 'nodel/b.txt']);
  });
});

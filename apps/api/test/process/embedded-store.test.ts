import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/embedded/embedded-store.js';
import { DEMO_EMBEDDED_KEYS } from '../../src/embedded/keys.js';

let dir: string;
let store: EmbeddedStore;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-embedded-'));
  store = await startEmbeddedStore(dir, DEMO_EMBEDDED_KEYS, {
    info: () => {},
    error: (m) => errors.push(m),
  });
});
afterAll(async () => {
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

const listBuckets = () =>
  new S3Client({
    endpoint: store.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { ...DEMO_EMBEDDED_KEYS },
  }).send(new ListBucketsCommand({}));

describe('the embedded store supervisor', () => {
  it('serves S3 on 127.0.0.1', async () => {
    expect(store.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(listBuckets()).resolves.toBeDefined();
  });

  it('restarts a crashed store on the same endpoint', async () => {
    const first = store.pid();
    process.kill(first as number, 'SIGKILL');
    await expect
      .poll(() => store.pid() !== first && errors.length > 0, { timeout: 10_000 })
      .toBe(true);
    expect(errors[0]).toMatch(/^The embedded store exited \(SIGKILL\); restarting it \(#1\)$/);
    await expect
      .poll(
        async () =>
          await listBuckets().then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 15_000 },
      )
      .toBe('up');
  });

  it('stops cleanly', async () => {
    const pid = store.pid() as number;
    await store.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

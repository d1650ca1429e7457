import { Readable } from 'node:stream';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createS3Context } from '../../src/store/s3-context.js';
import { createS3Client } from '../../src/store/s3-client.js';
import { DEFAULT_COPY_CONCURRENCY, MAX_COPY_OBJECT_BYTES } from '../../src/config/env-schema.js';
import { defaultQuirks } from '../../src/config/quirks.js';
import type { StoreConfig } from '../../src/config/connection.js';
import { clientAnswering } from './fixed-reply-client.js';

const testConnection = {
  endpoint: 'http://store.test',
  region: 'us-east-1',
  quirks: defaultQuirks('other'),
} as StoreConfig;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createS3Context's send", () => {
  // The client is made with `cacheMiddleware`: its middleware stack is resolved once per command
  // class and reused. The SDK skips that cache whenever `send` is given an options object (even
  // `{}`), and resolving the stack per request cost the details route a good part of its time.
  it('reuses the resolved middleware of a command class when no options are given', async () => {
    const resolved = vi.spyOn(HeadObjectCommand.prototype, 'resolveMiddleware');
    const ctx = createS3Context(clientAnswering(200, ''), testConnection);
    for (const key of ['a', 'b', 'c']) {
      await ctx.send(new HeadObjectCommand({ Bucket: 'b', Key: key }));
    }
    expect(resolved).toHaveBeenCalledTimes(1);
  });

  it('still hands the options to the transport (an abortSignal stops a relayed part)', async () => {
    const signals: unknown[] = [];
    const client = new S3Client({
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
      cacheMiddleware: true,
      requestHandler: {
        handle: async (_request: unknown, options?: { abortSignal?: unknown }) => {
          signals.push(options?.abortSignal);
          return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
        },
      },
    });
    const ctx = createS3Context(client, testConnection);
    const abort = new AbortController();
    await ctx.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: abort.signal });
    await ctx.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(signals).toEqual([abort.signal, undefined]);
  });
});

describe('createS3Client', () => {
  it("leaves out the SDK's logger middleware (it filtered every input and output for nothing)", () => {
    const client = createS3Client({
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      accessKeyId: 'a',
      secretAccessKey: 'b',
      forcePathStyle: true,
      tlsVerify: true,
      caBundlePath: undefined,
      checksumMode: 'WHEN_REQUIRED',
      payloadSigning: 'signed',
      signatureVersion: 'v4',
      connectTimeoutMs: 1000,
      requestTimeoutMs: 1000,
      maxAttempts: 1,
      retryBaseDelayMs: 0,
      embedded: false,
      multipartCopyThresholdBytes: MAX_COPY_OBJECT_BYTES,
      copyConcurrency: DEFAULT_COPY_CONCURRENCY,
      quirks: defaultQuirks('other'),
    });
    const stack = client.middlewareStack.identify();
    expect(stack.some((m) => m.startsWith('hostHeaderMiddleware'))).toBe(true);
    expect(stack.some((m) => m.startsWith('loggerMiddleware'))).toBe(false);
  });
});

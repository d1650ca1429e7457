import { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { buildApp, type BuildAppOptions } from '../src/build-app.js';
import { MAX_COPY_OBJECT_BYTES, type StoreConfig } from '../src/config.js';

export const storeKind = inject('storeKind');
export const onEmbedded = storeKind === 'embedded';
/** The signature the app under test uses: STOWAGE_TEST_SIGNATURE=v2 runs the suite on SigV2. */
export const testSignature = testSignatureVersion(process.env.STOWAGE_TEST_SIGNATURE);

function testSignatureVersion(value: string | undefined): 'v2' | 'v4' {
  if (value === undefined || value === '' || value === 'v4') return 'v4';
  if (value === 'v2') return 'v2';
  throw new Error(`STOWAGE_TEST_SIGNATURE must be v2 or v4, not ${value}`);
}

/** The store config the suite's store needs, as server.ts would build it. */
export function testStoreConfig(overrides: Partial<StoreConfig> = {}): StoreConfig {
  return {
    endpoint: inject('storeEndpoint'),
    region: 'us-east-1',
    accessKeyId: inject('storeAccessKeyId'),
    secretAccessKey: inject('storeSecretAccessKey'),
    forcePathStyle: true,
    tlsVerify: true,
    caBundlePath: undefined,
    checksumMode: 'WHEN_REQUIRED',
    signatureVersion: testSignature,
    connectTimeoutMs: 2000,
    requestTimeoutMs: 10000,
    maxAttempts: 3,
    retryBaseDelayMs: 100,
    embedded: onEmbedded,
    multipartCopyThresholdBytes: MAX_COPY_OBJECT_BYTES,
    ...overrides,
  };
}

/** The app exactly as production builds it, over the suite's real store. */
export async function build(
  overrides: Partial<StoreConfig> = {},
  options: Omit<BuildAppOptions, 'store'> = {},
) {
  const app = await buildApp({ ...options, store: testStoreConfig(overrides) });
  await app.ready();
  return app;
}

export type TestApp = Awaited<ReturnType<typeof build>>;

/** A fresh bucket per test file, so files can run in parallel on one store. */
export async function createBucket(app: TestApp, label: string): Promise<string> {
  const name = `t-${label}-${randomBytes(4).toString('hex')}`;
  await app.objectStore.createBucket(name);
  return name;
}

export const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();

/**
 * A plain SDK client (SigV4 whatever the suite's signature) for fixtures, standing in for
 * another S3 user (a colleague, boto3).
 */
export function fixtureClient(): S3Client {
  const c = testStoreConfig();
  return new S3Client({
    endpoint: c.endpoint,
    region: c.region,
    forcePathStyle: true,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

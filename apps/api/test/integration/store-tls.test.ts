import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, q, testStoreConfig, type TestApp } from '../helper.js';
import { sha256, storedSha } from '../fixtures.js';
import { uploadForm } from '../multipart.js';
import {
  makeCertificates,
  startTlsTerminator,
  type TestCertificates,
  type TlsTerminator,
} from '../tls-terminator.js';

// The suite's store behind a TLS terminator whose certificate a CA made by this test signed.
const s3 = fixtureClient();
let certs: TestCertificates;
let terminator: TlsTerminator;
let bucket: string;

beforeAll(async () => {
  certs = await makeCertificates();
  terminator = await startTlsTerminator(testStoreConfig().endpoint ?? '', certs);
});
afterAll(async () => {
  await terminator.close();
  certs.remove();
});

/** Lists, uploads and reads back one object over https. */
async function roundTrip(app: TestApp, key: string) {
  bucket ??= await createBucket(app, 'tls');
  const list = await app.inject('/api/buckets');
  expect(list.statusCode).toBe(200);
  expect(list.json().buckets.map((b: { name: string }) => b.name)).toContain(bucket);
  const file = randomBytes(300_000);
  const form = uploadForm(file);
  const up = await app.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/upload?${q({ key })}`,
    headers: { 'content-type': form.contentType },
    payload: form.payload,
  });
  expect(up.statusCode).toBe(200);
  const read = await app.inject(`/api/buckets/${bucket}/object/content?${q({ key })}`);
  expect(read.statusCode).toBe(200);
  expect(sha256(read.rawPayload)).toBe(sha256(file));
  expect(await storedSha(s3, bucket, key)).toBe(sha256(file));
}

describe('a store behind TLS with its own CA', () => {
  it('with AWS_CA_BUNDLE naming the CA: lists buckets and round-trips an object over https', async () => {
    const app = await build({ endpoint: terminator.endpoint, caBundlePath: certs.caFile });
    try {
      await roundTrip(app, 'tls/trusted.bin');
    } finally {
      await app.close();
    }
  });

  it('without the CA: a quick 502 naming the untrusted certificate and the fix, not retried', async () => {
    const app = await build({ endpoint: terminator.endpoint, maxAttempts: 3 });
    const before = terminator.connections;
    const started = Date.now();
    const res = await app.inject('/api/buckets');
    await app.close();
    expect(res.statusCode).toBe(502);
    expect(res.json().message).toBe(
      `The TLS certificate of the store at ${terminator.endpoint} is not trusted: its issuer ` +
        'is not a trusted CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE). Set AWS_CA_BUNDLE to a PEM ' +
        "file holding the store's CA certificate, or, as a last resort, STOWAGE_S3_TLS_VERIFY=false.",
    );
    expect(terminator.connections - before).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('with STOWAGE_S3_TLS_VERIFY=false: works without the CA', async () => {
    const app = await build({ endpoint: terminator.endpoint, tlsVerify: false });
    try {
      await roundTrip(app, 'tls/unverified.bin');
    } finally {
      await app.close();
    }
  });
});

describe('certificates that the CA bundle does not save', () => {
  const cases: [string, string[], number, string][] = [
    ['expired', ['127.0.0.1'], -1, 'it has expired (CERT_HAS_EXPIRED)'],
    [
      'for another host',
      ['store.example.test'],
      2,
      'it does not name this host (ERR_TLS_CERT_ALTNAME_INVALID)',
    ],
  ];
  it.each(cases)('%s: 502 saying why', async (_, hosts, validDays, why) => {
    const other = await makeCertificates(hosts, validDays);
    const proxy = await startTlsTerminator(testStoreConfig().endpoint ?? '', other);
    const app = await build({ endpoint: proxy.endpoint, caBundlePath: other.caFile });
    try {
      const res = await app.inject('/api/buckets');
      expect(res.statusCode).toBe(502);
      expect(res.json().message).toContain(
        `The TLS certificate of the store at ${proxy.endpoint} is not trusted: ${why}.`,
      );
      expect(proxy.connections).toBe(1);
    } finally {
      await app.close();
      await proxy.close();
      other.remove();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  stsSessionName,
  WebIdentityCredentials,
  type WebIdentityTarget,
} from '../../src/store/s3-web-identity.js';
import { HttpError } from '../../src/errors.js';
import * as ceph from '../ceph-iam.js';
import { fixtureClient, storeKind, testStoreConfig } from '../helper.js';
import { OTHER_CLIENT_ID, startTestProvider, type TestProvider } from '../oidc-test-provider.js';

/**
 * Identity passthrough: a real OpenID provider's ID token exchanged for temporary store
 * credentials with STS AssumeRoleWithWebIdentity at the store's endpoint. On Ceph RGW (whose
 * second gateway has STS on: scripts/ceph-rgw.sh, CEPH_RGW_STS_PORT) the whole exchange: the role's policy
 * allows one bucket and denies another. On the embedded store (s3rver, no STS): its refusal;
 * on stores that answer 501/405/404 or no credentials: 501 StsUnsupported.
 */

let op: TestProvider;
beforeAll(async () => {
  op = await startTestProvider(['http://localhost']);
});
afterAll(() => op?.close());

const store = () => testStoreConfig();
/** Ceph's STS gateway (a second radosgw of the same cluster, STS on), else the store itself. */
const stsEndpoint = () => inject('storeStsEndpoint') || store().endpoint;
const target = (roleArn: string): WebIdentityTarget => ({
  endpoint: stsEndpoint(),
  region: 'us-east-1',
  roleArn,
  durationSeconds: 900,
  connectTimeoutMs: 2000,
  requestTimeoutMs: 10_000,
});

async function refusal(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe('STS session names', () => {
  it('keeps STS-legal subjects and rewrites the rest to [\\w+=,.@-]{2,64}', () => {
    expect(stsSessionName('alice@example.org')).toBe('alice@example.org');
    expect(stsSessionName('CN=Bob Smith/ou:x')).toBe('CN=Bob-Smith-ou-x');
    expect(stsSessionName('a')).toBe('a-');
    const long = stsSessionName('x'.repeat(100));
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(long).not.toBe(stsSessionName(`${'x'.repeat(99)}y`));
  });
});

describe.runIf(storeKind === 'embedded')('a store without STS (s3rver)', () => {
  it("refuses the unsigned exchange: 403 IdentityRefused, with the store's own words", async () => {
    const sts = new WebIdentityCredentials();
    const who = { sessionKey: 's1', subject: 'alice', idToken: () => op.idToken('alice') };
    const err = await refusal(sts.get(target('arn:aws:iam:::role/anything'), who));
    expect(err.code).toBe('IdentityRefused');
    expect(err.statusCode).toBe(403);
    expect(err.message).toContain('refused your identity for role arn:aws:iam:::role/anything');
    expect(err.message).toContain('(403: Access Denied)');
    expect(err.message).toContain('STS settings');
    expect(sts.exchanges).toBe(1);
  });
});

/** A local HTTP server answering every request with one canned reply. */
async function cannedStore(status: number, body: string): Promise<{ url: string; close(): void }> {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('stores that do not speak STS', () => {
  const cases: [string, number, string][] = [
    ['501 NotImplemented', 501, '<Error><Code>NotImplemented</Code><Message>no</Message></Error>'],
    ['405 MethodNotAllowed', 405, '<Error><Code>MethodNotAllowed</Code></Error>'],
    ['404 (no such route)', 404, 'not found'],
    ['200 without credentials', 200, '<ListAllMyBucketsResult/>'],
  ];
  it.each(cases)('%s → 501 StsUnsupported', async (_label, status, body) => {
    const canned = await cannedStore(status, body);
    try {
      const sts = new WebIdentityCredentials();
      const who = { sessionKey: 's', subject: 'alice', idToken: () => op.idToken('alice') };
      const err = await refusal(
        sts.get({ ...target('arn:aws:iam:::role/r'), endpoint: canned.url }, who),
      );
      expect(err.code).toBe('StsUnsupported');
      expect(err.statusCode).toBe(501);
      expect(err.message).toContain(canned.url);
    } finally {
      canned.close();
    }
  });
});

/** RGW's IAM at its STS gateway, with the admin's keys (test/ceph-iam.ts). */
const rgwIam = () => ({ endpoint: stsEndpoint()!, keys: store() });

describe.runIf(storeKind === 'ceph' && inject('storeStsEndpoint') !== '')(
  'Ceph RGW with STS',
  () => {
    const tag = randomBytes(4).toString('hex');
    const allowed = `sts-allowed-${tag}`;
    const denied = `sts-denied-${tag}`;
    const role = `stowage-reader-${tag}`;
    const roleArn = `arn:aws:iam:::role/${role}`;
    let providerArn = '';

    beforeAll(async () => {
      const admin = fixtureClient();
      const { CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
      for (const b of [allowed, denied]) {
        await admin.send(new CreateBucketCommand({ Bucket: b }));
        await admin.send(new PutObjectCommand({ Bucket: b, Key: 'hello.txt', Body: 'hi' }));
      }
      providerArn = ceph.trustProvider(rgwIam(), op, role);
      expect(providerArn).toBe(`arn:aws:iam:::oidc-provider/${op.host}`);
      ceph.allowReading(rgwIam(), role, allowed);
    });
    afterAll(() => {
      if (providerArn) ceph.distrust(rgwIam(), providerArn);
    });

    const personClient = (sts: WebIdentityCredentials, subject: string) => {
      return new S3Client({
        endpoint: stsEndpoint(),
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: sts.provider(target(roleArn), {
          sessionKey: `session-${subject}`,
          subject,
          idToken: () => op.idToken(subject),
        }),
      });
    };

    it("a provider's token → credentials: the role's policy allows one bucket, denies another", async () => {
      const sts = new WebIdentityCredentials();
      const s3 = personClient(sts, 'alice');
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: allowed }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(['hello.txt']);
      const err = await s3.send(new ListObjectsV2Command({ Bucket: denied })).then(
        () => undefined,
        (e: unknown) => e as { name?: string; $metadata?: { httpStatusCode?: number } },
      );
      expect(err?.name).toBe('AccessDenied');
      expect(err?.$metadata?.httpStatusCode).toBe(403);
      expect(sts.exchanges).toBe(1);
    });

    it('caches per session, single-flight, and refreshes 5 minutes before expiry', async () => {
      let now = Date.now();
      const sts = new WebIdentityCredentials({ now: () => now });
      const who = { sessionKey: 'bob-1', subject: 'bob', idToken: () => op.idToken('bob') };
      const [a, b] = await Promise.all([
        sts.get(target(roleArn), who),
        sts.get(target(roleArn), who),
      ]);
      expect(a).toBe(b);
      expect(sts.exchanges).toBe(1);
      // RGW gives what was asked: 900 s.
      const left = a.expiration.getTime() - Date.now();
      expect(left).toBeGreaterThan(800_000);
      expect(left).toBeLessThanOrEqual(901_000);
      now = a.expiration.getTime() - 5 * 60_000 - 1000;
      expect(await sts.get(target(roleArn), who)).toBe(a);
      now = a.expiration.getTime() - 5 * 60_000 + 1000;
      const fresh = await sts.get(target(roleArn), who);
      expect(sts.exchanges).toBe(2);
      expect(fresh.accessKeyId).not.toBe(a.accessKeyId);
      // Another session of the same person: its own credentials.
      await sts.get(target(roleArn), { ...who, sessionKey: 'bob-2' });
      expect(sts.exchanges).toBe(3);
      sts.forget('bob-1');
      await sts.get(target(roleArn), who);
      expect(sts.exchanges).toBe(4);
    });

    /** Registers a provider with RGW and a role trusting it; gives the role's ARN. */
    function trust(p: TestProvider, thumbprint: string, name: string): string {
      ceph.trustProvider(rgwIam(), p, name, thumbprint);
      return `arn:aws:iam:::role/${name}`;
    }

    it('RGW 16 needs x5c in the JWKS, and does not check the thumbprint', async () => {
      const noX5c = await startTestProvider(['http://localhost'], 0, { x5c: false });
      const badThumb = await startTestProvider(['http://localhost']);
      try {
        const sts = new WebIdentityCredentials();
        const roleA = trust(noX5c, noX5c.thumbprint, `no-x5c-${tag}`);
        const err = await refusal(
          sts.get(target(roleA), {
            sessionKey: 'a',
            subject: 'dan',
            idToken: () => noX5c.idToken('dan'),
          }),
        );
        expect(err.code).toBe('IdentityRefused');
        // Registered with a thumbprint that matches nothing: RGW 16.2.15 still accepts the token.
        const roleB = trust(badThumb, '0'.repeat(40), `bad-thumb-${tag}`);
        const creds = await sts.get(target(roleB), {
          sessionKey: 'b',
          subject: 'dan',
          idToken: () => badThumb.idToken('dan'),
        });
        expect(creds.sessionToken).not.toBe('');
      } finally {
        // Each that was registered (a failure above may have come first: it is the one shown).
        for (const p of [noX5c, badThumb]) {
          try {
            ceph.distrust(rgwIam(), `arn:aws:iam:::oidc-provider/${p.host}`);
          } catch {
            // Not registered.
          }
          await p.close();
        }
      }
    });

    it('a token RGW refuses is 403 IdentityRefused: tampered, another client, unknown role', async () => {
      const sts = new WebIdentityCredentials();
      const good = await op.idToken('carol');
      const [h, p, s] = good.split('.') as [string, string, string];
      const tampered = `${h}.${p}.${s.slice(0, -6)}${s.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
      const cases: [string, string, string][] = [
        ['tampered', tampered, roleArn],
        ['other-app', await op.idToken('carol', { clientId: OTHER_CLIENT_ID }), roleArn],
        ['no-role', good, `arn:aws:iam:::role/no-such-role-${tag}`],
        ['not-a-jwt', 'not-a-jwt', roleArn],
      ];
      for (const [label, token, arn] of cases) {
        const err = await refusal(
          sts.get(target(arn), { sessionKey: label, subject: 'carol', idToken: () => token }),
        );
        expect(err.code, label).toBe('IdentityRefused');
        expect(err.statusCode, label).toBe(403);
        expect(err.message, label).toContain(`refused your identity for role ${arn}`);
        expect(err.message, label).not.toContain(token);
      }
    });
  },
);

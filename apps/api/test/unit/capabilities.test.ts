import { GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import {
  classify,
  classifyPresign,
  probeVersioning,
  rootElementOf,
  versioningFrom,
  versioningRootReader,
  type ProbeAnswer,
} from '../../src/store/s3-capabilities.js';
import { clientAnswering } from './fixed-reply-client.js';
import { createProbeCache } from '../../src/store/capability-cache.js';
import { createS3Context } from '../../src/store/s3-context.js';
import { defaultQuirks } from '../../src/config/quirks.js';
import type { StoreConfig } from '../../src/config/connection.js';

/** What the context needs of a connection here: its name and quirks (no request leaves). */
const testConnection = {
  endpoint: 'http://store.test',
  region: 'us-east-1',
  quirks: defaultQuirks('other'),
} as StoreConfig;

const no = (name: string, status?: number): ProbeAnswer => ({ ok: false, name, status });
const yes: ProbeAnswer = { ok: true, name: '', status: 200 };

describe('classify (one probe answer)', () => {
  it.each<[ProbeAnswer, string]>([
    [no('NoSuchKey', 404), 'supported'],
    [yes, 'supported'],
    [no('NotImplemented', 501), 'unsupported'],
    [no('MethodNotAllowed', 405), 'unsupported'],
    [no('', 501), 'unsupported'],
    [no('NoSuchBucket', 404), 'no-bucket'],
    [no('AccessDenied', 403), 'unknown'],
    [no('ECONNREFUSED'), 'unknown'],
    [no('InternalError', 500), 'unknown'],
    [no('NoSuchUpload', 404), 'unknown'], // not one of this probe's "yes" answers
  ])('%j -> %s', (answer, expected) => {
    expect(classify(answer, ['NoSuchKey'])).toBe(expected);
  });

  it('a success can be undecidable (UploadPartCopy of a missing upload must not succeed)', () => {
    expect(classify(yes, ['NoSuchUpload'], false)).toBe('unknown');
  });
});

describe('classifyPresign', () => {
  it.each<[ProbeAnswer, boolean, string]>([
    [no('NoSuchKey', 404), true, 'supported'],
    [no('', 404), true, 'supported'],
    [no('SignatureDoesNotMatch', 403), true, 'unsupported'],
    [no('AuthorizationQueryParametersError', 400), true, 'unsupported'],
    // The same credentials failed everywhere: the keys may be wrong, not the URL.
    [no('SignatureDoesNotMatch', 403), false, 'unknown'],
    [no('AccessDenied', 403), true, 'unknown'],
    [no('InvalidAccessKeyId', 403), true, 'unknown'],
    [no('ETIMEDOUT'), true, 'unknown'],
    [no('NoSuchBucket', 404), true, 'no-bucket'],
  ])('%j (credentials work: %s) -> %s', (answer, credentialsWork, expected) => {
    expect(classifyPresign(answer, credentialsWork)).toBe(expected);
  });
});

describe('versioningFrom', () => {
  it.each<[ProbeAnswer, string, string | undefined, string]>([
    [yes, 'VersioningConfiguration', undefined, 'Off'],
    [yes, 'VersioningConfiguration', 'Enabled', 'Enabled'],
    [yes, 'VersioningConfiguration', 'Suspended', 'Suspended'],
    [yes, 'ListBucketResult', undefined, 'unsupported'], // s3rver
    [yes, '', undefined, 'unknown'],
    [no('NotImplemented', 501), '', undefined, 'unsupported'],
    [no('AccessDenied', 403), '', undefined, 'unknown'],
    [no('NoSuchBucket', 404), '', undefined, 'no-bucket'],
  ])('%j with root %s, Status %s -> %s', (answer, root, status, expected) => {
    expect(versioningFrom(answer, root, status)).toBe(expected);
  });
});

describe('the root element of a GetBucketVersioning reply', () => {
  const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
  const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
  const never = `${HEAD}<VersioningConfiguration ${NS}/>`;
  const enabled = `${HEAD}\r\n<!-- note -->\n<VersioningConfiguration ${NS}><Status>Enabled</Status></VersioningConfiguration>`;
  // s3rver's answer to ?versioning: the bucket's listing.
  const listing = `${HEAD}<ListBucketResult xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><Name>b</Name><Contents><Key>a&#x27;b</Key></Contents></ListBucketResult>`;

  it.each([
    [never, 'VersioningConfiguration'],
    [enabled, 'VersioningConfiguration'],
    [listing, 'ListBucketResult'],
    [
      '<?xml version="1.0"?><s3:VersioningConfiguration xmlns:s3="x"/>',
      's3:VersioningConfiguration',
    ],
    ['', ''],
    ['not xml', ''],
    ['<!-- only a comment -->', ''],
  ])('%j -> %j', (xml, root) => {
    expect(rootElementOf(xml)).toBe(root);
  });

  it('tells a listing from a bucket never versioned, which the SDK reads alike', async () => {
    const sdk = (xml: string) =>
      clientAnswering(200, xml).send(new GetBucketVersioningCommand({ Bucket: 'b' }));
    const { $metadata: _a, ...fromNever } = await sdk(never);
    const { $metadata: _b, ...fromListing } = await sdk(listing);
    expect(fromNever).toEqual({});
    expect(fromListing).toEqual({});
    const probe = (xml: string) =>
      probeVersioning(
        createS3Context(
          clientAnswering(200, xml, { GetBucketVersioningCommand: versioningRootReader }),
          testConnection,
        ),
        'b',
      );
    expect(await probe(never)).toBe('Off');
    expect(await probe(enabled)).toBe('Enabled');
    expect(await probe(listing)).toBe('unsupported');
  });
});

describe('createProbeCache', () => {
  it('shares one probe, keeps the answer for its ttl, forgets failures', async () => {
    let clock = 1; // a real clock never reads 0
    const probes: string[] = [];
    const cache = createProbeCache(
      async (bucket: string) => {
        probes.push(bucket);
        if (bucket === 'missing') throw new Error('no bucket');
        return bucket.length;
      },
      (value) => (value > 3 ? Infinity : 1000),
      () => clock,
    );
    expect(await Promise.all([cache('ab'), cache('ab')])).toEqual([2, 2]);
    clock = 1000;
    await cache('ab');
    expect(probes).toEqual(['ab']);
    clock = 1002;
    await cache('ab');
    expect(probes).toEqual(['ab', 'ab']);

    await cache('long-lived');
    clock = 1e12;
    await cache('long-lived');
    expect(probes.filter((b) => b === 'long-lived')).toHaveLength(1);

    await expect(cache('missing')).rejects.toThrow('no bucket');
    await expect(cache('missing')).rejects.toThrow('no bucket');
    expect(probes.filter((b) => b === 'missing')).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import {
  bucketPath,
  canonicalAmzHeaders,
  canonicalResource,
  OBJECT_LOCK_UNSIGNED,
  hasDialectSensitiveHeader,
  SigV2Signer,
  signatureV2,
  stringToSign,
  type SignableRequest,
} from '../../src/store/s3-sigv2.js';
import { createS3Client } from '../../src/store/s3-client.js';
import type { StoreConfig } from '../../src/config/connection.js';
import { defaultQuirks } from '../../src/config/quirks.js';
import { DEFAULT_COPY_CONCURRENCY, MAX_COPY_OBJECT_BYTES } from '../../src/config/env-schema.js';

// The credentials of AWS's published SigV2 examples ("Signing and authenticating REST requests").
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function req(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  query: SignableRequest['query'] = {},
): SignableRequest {
  return { method, protocol: 'https:', hostname: 's3.amazonaws.com', path, query, headers };
}

/**
 * AWS's worked examples, each in its path-style form (the bucket in the path, as Stowage
 * sends it; the published requests put it in the Host, and the resource is the same). The
 * expected signatures are AWS's; they were published for the bucket `johnsmith`, which later
 * revisions of the page renamed without recomputing them.
 */
const examples: {
  name: string;
  request: SignableRequest;
  toSign: string;
  signature: string;
}[] = [
  {
    name: 'Object GET',
    request: req('GET', '/johnsmith/photos/puppy.jpg', { Date: 'Tue, 27 Mar 2007 19:36:42 +0000' }),
    toSign: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg',
    signature: 'bWq2s1WEIj+Ydj0vQ697zp+IXMU=',
  },
  {
    name: 'Object PUT',
    request: req('PUT', '/johnsmith/photos/puppy.jpg', {
      'Content-Type': 'image/jpeg',
      'Content-Length': '94328',
      Date: 'Tue, 27 Mar 2007 21:15:45 +0000',
    }),
    toSign: 'PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/johnsmith/photos/puppy.jpg',
    signature: 'MyyxeRY7whkBe+bq8fHCL/2kKUg=',
  },
  {
    name: 'List (query parameters that are not sub-resources are not signed)',
    request: req(
      'GET',
      '/johnsmith/',
      { 'User-Agent': 'Mozilla/5.0', Date: 'Tue, 27 Mar 2007 19:42:41 +0000' },
      { prefix: 'photos', 'max-keys': '50', marker: 'puppy' },
    ),
    toSign: 'GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/johnsmith/',
    signature: 'htDYFYduRNen8P9ZfE/s9SuKy0U=',
  },
  {
    name: 'Fetch (?acl sub-resource)',
    request: req('GET', '/johnsmith/', { Date: 'Tue, 27 Mar 2007 19:44:46 +0000' }, { acl: null }),
    toSign: 'GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/johnsmith/?acl',
    signature: 'c2WLPFtWHVgbEmeEG93a4cG37dM=',
  },
  {
    name: 'Upload (x-amz-* sorted, lowercased, trimmed; repeated names joined with commas)',
    request: req('PUT', '/static.johnsmith.net/db-backup.dat.gz', {
      'User-Agent': 'curl/7.15.5',
      Date: 'Tue, 27 Mar 2007 21:06:08 +0000',
      'x-amz-acl': 'public-read',
      'content-type': 'application/x-download',
      'Content-MD5': '4gJE4saaMU4BqNR0kLY+lw==',
      'X-Amz-Meta-ReviewedBy': 'joe@johnsmith.net',
      'x-amz-meta-reviewedby': 'jane@johnsmith.net',
      'X-Amz-Meta-FileChecksum': '0x02661779',
      'X-Amz-Meta-ChecksumAlgorithm': ' crc32 ',
      'Content-Disposition': 'attachment; filename=database.dat',
      'Content-Encoding': 'gzip',
      'Content-Length': '5913339',
    }),
    toSign:
      'PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n' +
      'x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\n' +
      'x-amz-meta-filechecksum:0x02661779\n' +
      'x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\n' +
      '/static.johnsmith.net/db-backup.dat.gz',
    signature: 'ilyl83RwaSoYIEdixDQcA4OnAnc=',
  },
  {
    name: 'List all my buckets',
    request: req('GET', '/', { Date: 'Wed, 28 Mar 2007 01:29:59 +0000' }),
    toSign: 'GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/',
    signature: 'qGdzdERIC03wnaRNKh6OqZehG9s=',
  },
  {
    name: 'Unicode keys (the path is signed literally, encoding and its case included)',
    request: req('GET', '/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re', {
      Date: 'Wed, 28 Mar 2007 01:49:49 +0000',
    }),
    toSign: 'GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
    signature: 'DNEZGsoieTZ92F3bUfSPQcbGmlM=',
  },
];

describe("AWS's SigV2 examples", () => {
  it.each(examples)('$name', ({ request, toSign, signature }) => {
    expect(stringToSign(request)).toBe(toSign);
    expect(signatureV2(SECRET, toSign)).toBe(signature);
  });
});

describe('canonicalResource', () => {
  it.each([
    [
      'UploadPart',
      { 'x-id': 'UploadPart', uploadId: 'u~1', partNumber: '2' },
      '?partNumber=2&uploadId=u~1',
    ],
    ['CreateMultipartUpload', { uploads: '', 'x-id': 'CreateMultipartUpload' }, '?uploads'],
    ['GetObjectTagging', { tagging: '' }, '?tagging'],
    [
      'PutObjectTagging with a version',
      { versionId: 'v1', tagging: null },
      '?tagging&versionId=v1',
    ],
    ['DeleteObjects', { delete: '' }, '?delete'],
    [
      'ListObjectsV2 (nothing signed)',
      { 'list-type': '2', 'continuation-token': 'a+b/c=', prefix: 'a b/', delimiter: '/' },
      '',
    ],
    [
      'response-* overrides, values unencoded',
      {
        'response-content-type': 'text/plain',
        'response-content-disposition': 'attachment; filename="a b"',
      },
      '?response-content-disposition=attachment; filename="a b"&response-content-type=text/plain',
    ],
    [
      'sorted by code unit (uploadId before uploads)',
      { uploads: '', uploadId: 'x' },
      '?uploadId=x&uploads',
    ],
  ])('%s', (_name, query, suffix) => {
    expect(canonicalResource('/bucket/k', query)).toBe(`/bucket/k${suffix}`);
  });

  it('signs ?object-lock (S3), or not where the store does not (Ceph RGW 16)', () => {
    expect(canonicalResource('/bucket', { 'object-lock': '' })).toBe('/bucket?object-lock');
    expect(canonicalResource('/bucket', { 'object-lock': '' }, OBJECT_LOCK_UNSIGNED)).toBe(
      '/bucket',
    );
  });

  it('keeps the path exactly as sent: a bucket without a trailing slash stays so', () => {
    expect(canonicalResource('/bucket', { delete: '' })).toBe('/bucket?delete');
    expect(canonicalResource('/bucket/a%20b/%E6%97%A5%2B.txt')).toBe(
      '/bucket/a%20b/%E6%97%A5%2B.txt',
    );
  });
});

describe('canonicalAmzHeaders', () => {
  it('signs every x-amz-* header the SDK sends, SigV4 leftovers included, and nothing else', () => {
    const headers = {
      'x-amz-user-agent': 'aws-sdk-js/3',
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      'x-amz-copy-source': 'b/a%20b.txt',
      'X-Amz-Meta-Owner': '  alice  ',
      'amz-sdk-invocation-id': 'x',
      'user-agent': 'node',
      'content-length': '3',
    };
    expect(canonicalAmzHeaders(headers)).toBe(
      'x-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-copy-source:b/a%20b.txt\n' +
        'x-amz-meta-owner:alice\nx-amz-user-agent:aws-sdk-js/3\n',
    );
  });

  it('reads "_" in names as sent, or as "-" in the Ceph RGW 16 dialect', () => {
    const headers = { 'x-amz-meta-owner_name': 'a' };
    expect(canonicalAmzHeaders(headers)).toBe('x-amz-meta-owner_name:a\n');
    expect(canonicalAmzHeaders(headers, 'underscore-as-hyphen')).toBe('x-amz-meta-owner-name:a\n');
    expect(hasDialectSensitiveHeader(req('PUT', '/b/k', headers))).toBe(true);
    expect(hasDialectSensitiveHeader(req('PUT', '/b/k', { 'x-amz-meta-a-b': '1' }))).toBe(false);
  });
});

describe('stringToSign', () => {
  it('leaves the Date line empty when x-amz-date is sent, and signs x-amz-date instead', () => {
    const request = req('DELETE', '/johnsmith/photos/puppy.jpg', {
      Date: 'Tue, 27 Mar 2007 21:20:27 +0000',
      'x-amz-date': 'Tue, 27 Mar 2007 21:20:26 +0000',
    });
    expect(stringToSign(request)).toBe(
      'DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg',
    );
  });
});

describe('SigV2Signer', () => {
  const signer = new SigV2Signer({ accessKeyId: KEY, secretAccessKey: SECRET });

  it('signs with x-amz-date at the signing date and an AWS key:signature header', async () => {
    const request = req(
      'PUT',
      '/b/k%20x',
      { 'content-type': 'text/plain', authorization: 'AWS4-HMAC-SHA256 stale', Date: 'old' },
      { tagging: '', 'x-id': 'PutObjectTagging' },
    );
    const signed = await signer.sign(request, {
      signingDate: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    });
    const toSign =
      'PUT\n\ntext/plain\n\nx-amz-date:Fri, 02 Jan 2026 03:04:05 GMT\n/b/k%20x?tagging';
    expect(signed.headers).toEqual({
      'content-type': 'text/plain',
      'x-amz-date': 'Fri, 02 Jan 2026 03:04:05 GMT',
      authorization: `AWS ${KEY}:${signatureV2(SECRET, toSign)}`,
    });
    // The SDK's request is left as it was (it signs again on a retry).
    expect(request.headers.authorization).toBe('AWS4-HMAC-SHA256 stale');
  });
});

describe('createS3Client', () => {
  const config: StoreConfig = {
    endpoint: 'http://127.0.0.1:1',
    region: 'us-east-1',
    accessKeyId: KEY,
    secretAccessKey: SECRET,
    forcePathStyle: false,
    tlsVerify: true,
    caBundlePath: undefined,
    checksumMode: 'WHEN_REQUIRED',
    payloadSigning: 'signed',
    signatureVersion: 'v2',
    connectTimeoutMs: 1000,
    requestTimeoutMs: 1000,
    maxAttempts: 1,
    retryBaseDelayMs: 0,
    embedded: false,
    multipartCopyThresholdBytes: MAX_COPY_OBJECT_BYTES,
    copyConcurrency: DEFAULT_COPY_CONCURRENCY,
    quirks: defaultQuirks('other'),
  };

  it('refuses SigV2 with virtual-hosted addressing, saying what to change', () => {
    expect(() => createS3Client(config)).toThrow(
      /STOWAGE_S3_SIGNATURE_VERSION=v2 needs path-style addressing/,
    );
    expect(() => createS3Client({ ...config, forcePathStyle: true })).not.toThrow();
  });
});

describe('bucketPath', () => {
  it.each([
    ['/bucket/', '/bucket'],
    ['/bucket', '/bucket'],
    ['/bucket/dir/', '/bucket/dir/'],
    ['/bucket/key', '/bucket/key'],
    ['/', '/'],
  ])('%s is sent as %s', (path, sent) => {
    expect(bucketPath(path)).toBe(sent);
  });
});

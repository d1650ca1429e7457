import { describe, expect, it } from 'vitest';
import type { LifecycleDocument } from '@stowage/shared';
import {
  policyKey,
  sameCors,
  sameEncryption,
  sameLifecycle,
  sameTags,
  sameVersioning,
} from '../../src/store/bucket-settings-compare.js';
import { lifecycleRuleDoc } from '../../src/store/s3-lifecycle-doc.js';

const lc = (...Rules: LifecycleDocument['Rules']): LifecycleDocument => ({ Rules });

describe('a lifecycle read back', () => {
  const sent = lc(
    { Status: 'Enabled', Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
    {
      ID: 'z',
      Status: 'Enabled',
      Filter: {
        And: {
          Prefix: 'a/',
          Tags: [
            { Key: 'k', Value: 'v' },
            { Key: 'k2', Value: 'v2' },
          ],
        },
      },
      Expiration: { Date: '2027-01-01T00:00:00Z' },
    },
  );

  it('is the same after Ceph RGW 16 rewrote it (ID, order, Prefix "", the And)', () => {
    // As Ceph answers it, read through the SDK's shape.
    const stored = lc(
      lifecycleRuleDoc({
        ID: 'generated123',
        Prefix: '',
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      }),
      lifecycleRuleDoc({
        ID: 'z',
        Filter: {
          Prefix: 'a/',
          And: {
            Tags: [
              { Key: 'k2', Value: 'v2' },
              { Key: 'k', Value: 'v' },
            ],
          },
        },
        Status: 'Enabled',
        Expiration: { Date: new Date('2027-01-01T00:00:00.000Z') },
      }),
    ).Rules.reverse();
    expect(sameLifecycle(sent, { Rules: stored })).toBe(true);
    // Shown in the schema's form: the prefix back inside the And.
    expect(stored[0]!.Filter).toEqual({
      And: {
        Prefix: 'a/',
        Tags: [
          { Key: 'k2', Value: 'v2' },
          { Key: 'k', Value: 'v' },
        ],
      },
    });
  });

  it.each<[string, LifecycleDocument]>([
    [
      'a dropped size filter (the rule now covers every object)',
      lc({ ID: 'a', Status: 'Enabled', Prefix: '', Expiration: { Days: 3 } }),
    ],
    [
      'another status',
      lc({
        ID: 'a',
        Status: 'Disabled',
        Filter: { ObjectSizeGreaterThan: 9 },
        Expiration: { Days: 3 },
      }),
    ],
    [
      'other days',
      lc({
        ID: 'a',
        Status: 'Enabled',
        Filter: { ObjectSizeGreaterThan: 9 },
        Expiration: { Days: 4 },
      }),
    ],
    [
      'another ID',
      lc({
        ID: 'b',
        Status: 'Enabled',
        Filter: { ObjectSizeGreaterThan: 9 },
        Expiration: { Days: 3 },
      }),
    ],
    [
      'a rule more',
      lc(
        {
          ID: 'a',
          Status: 'Enabled',
          Filter: { ObjectSizeGreaterThan: 9 },
          Expiration: { Days: 3 },
        },
        { ID: 'b', Status: 'Enabled', Filter: {}, Expiration: { Days: 3 } },
      ),
    ],
  ])('differs with %s', (_label, stored) => {
    const one = lc({
      ID: 'a',
      Status: 'Enabled',
      Filter: { ObjectSizeGreaterThan: 9 },
      Expiration: { Days: 3 },
    });
    expect(sameLifecycle(one, stored)).toBe(false);
  });

  it('differs when a noncurrent version count is dropped', () => {
    const rule = { ID: 'n', Status: 'Enabled' as const, Filter: {} };
    expect(
      sameLifecycle(
        lc({
          ...rule,
          NoncurrentVersionExpiration: { NoncurrentDays: 5, NewerNoncurrentVersions: 2 },
        }),
        lc({ ...rule, NoncurrentVersionExpiration: { NoncurrentDays: 5 } }),
      ),
    ).toBe(false);
  });
});

describe('other settings read back', () => {
  it('CORS: the same rules in any order of methods, origins and rules', () => {
    const a = {
      AllowedOrigins: ['https://a', 'https://b'],
      AllowedMethods: ['POST', 'DELETE'] as ('POST' | 'DELETE')[],
    };
    const b = {
      ID: 'x',
      AllowedOrigins: ['*'],
      AllowedMethods: ['GET' as const],
      MaxAgeSeconds: 0,
    };
    const stored = { CORSRules: [b, { ...a, AllowedMethods: [...a.AllowedMethods].reverse() }] };
    expect(sameCors({ CORSRules: [a, b] }, stored)).toBe(true);
    expect(sameCors({ CORSRules: [a, { ...b, MaxAgeSeconds: 1 }] }, stored)).toBe(false);
    expect(sameCors({ CORSRules: [a] }, stored)).toBe(false);
  });

  it('tags: a set', () => {
    const t = (k: string, v: string) => ({ Key: k, Value: v });
    expect(
      sameTags({ TagSet: [t('a', '1'), t('b', '')] }, { TagSet: [t('b', ''), t('a', '1')] }),
    ).toBe(true);
    expect(sameTags({ TagSet: [t('a', '1')] }, { TagSet: [t('a', '2')] })).toBe(false);
  });

  it('policy: one string or a list of one, any order', () => {
    const sent = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'] },
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: ['s3:PutObject', 's3:DeleteObject'],
          Resource: 'arn:aws:s3:::b/x',
        },
      ],
    };
    const reformatted = {
      Statement: [
        {
          Resource: 'arn:aws:s3:::b/x',
          Action: ['s3:DeleteObject', 's3:PutObject'],
          Principal: { AWS: ['*'] },
          Effect: 'Deny',
        },
        { Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
      ],
      Version: '2012-10-17',
    };
    expect(policyKey(sent)).toBe(policyKey(reformatted));
    expect(policyKey(sent)).not.toBe(
      policyKey({
        ...sent,
        Statement: [{ ...sent.Statement[0], Effect: 'Deny' }, sent.Statement[1]],
      }),
    );
  });

  it('encryption: what was sent is kept (a store may add BucketKeyEnabled false)', () => {
    const kms = { SSEAlgorithm: 'aws:kms' as const, KMSMasterKeyID: 'key-1' };
    const sent = { Rules: [{ ApplyServerSideEncryptionByDefault: kms }] };
    expect(
      sameEncryption(sent, {
        Rules: [{ ApplyServerSideEncryptionByDefault: kms, BucketKeyEnabled: false }],
      }),
    ).toBe(true);
    expect(
      sameEncryption(sent, {
        Rules: [{ ApplyServerSideEncryptionByDefault: { ...kms, KMSMasterKeyID: 'key-2' } }],
      }),
    ).toBe(false);
    expect(sameEncryption(sent, { Rules: [] })).toBe(false);
  });

  it('versioning: the status', () => {
    expect(
      sameVersioning({ Status: 'Enabled' }, { Status: 'Enabled', MFADelete: 'Disabled' }),
    ).toBe(true);
    expect(sameVersioning({ Status: 'Suspended' }, { Status: 'Enabled' })).toBe(false);
  });
});

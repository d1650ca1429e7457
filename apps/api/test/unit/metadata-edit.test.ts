import type { ObjectDetails } from '@stowage/shared';
import { describe, expect, it } from 'vitest';
import {
  planMetadataEdit,
  sameEtag,
  sameTags,
  unappliedFields,
  type EditPlan,
} from '../../src/store/metadata-edit.js';

const current: ObjectDetails = {
  key: 'k',
  size: 1,
  etag: '"abc"',
  lastModified: null,
  contentType: 'text/plain',
  cacheControl: 'max-age=60',
  contentDisposition: 'inline',
  contentEncoding: 'gzip',
  contentLanguage: 'en',
  expires: 'Wed, 02 Jan 2030 03:04:05 GMT',
  storageClass: 'STANDARD',
  versionId: null,
  metadata: { old: '1' },
};

describe('planMetadataEdit', () => {
  it('keeps absent headers, removes null or blank ones, sets (trimmed) strings', () => {
    const plan = planMetadataEdit(current, {
      metadata: { a: ' spaced  out ' },
      contentType: 'text/csv',
      cacheControl: null,
      contentLanguage: '  ',
    });
    expect(plan).toEqual({
      headers: {
        contentType: 'text/csv',
        cacheControl: null,
        contentDisposition: 'inline',
        contentEncoding: 'gzip',
        contentLanguage: null,
        expires: 'Wed, 02 Jan 2030 03:04:05 GMT',
      },
      metadata: { a: 'spaced  out' },
    });
  });
});

describe('unappliedFields', () => {
  const plan: EditPlan = planMetadataEdit(current, { metadata: { a: '1' } });
  const after = { ...current, metadata: { a: '1' } };

  it.each<[string, Partial<ObjectDetails>, string[]]>([
    ['all applied', {}, []],
    ['Expires in another date format', { expires: '2030-01-02T03:04:05.000Z' }, []],
    ['a kept header lost', { cacheControl: null }, ['cacheControl']],
    ['a header changed', { contentEncoding: 'br' }, ['contentEncoding']],
    ['metadata not replaced', { metadata: { old: '1' } }, ['metadata "a"', 'metadata "old"']],
    ['a metadata value changed', { metadata: { a: '2' } }, ['metadata "a"']],
    ['Expires moved', { expires: 'Thu, 03 Jan 2030 03:04:05 GMT' }, ['expires']],
  ])('%s', (_label, change, wrong) => {
    expect(unappliedFields(plan, { ...after, ...change })).toEqual(wrong);
  });

  it('accepts the store’s default type when Content-Type was removed', () => {
    const removed = planMetadataEdit(current, { metadata: {}, contentType: null });
    const base = { ...current, metadata: {} };
    expect(unappliedFields(removed, { ...base, contentType: 'binary/octet-stream' })).toEqual([]);
    expect(unappliedFields(removed, { ...base, contentType: null })).toEqual([]);
    expect(unappliedFields(removed, { ...base, contentType: 'text/plain' })).toEqual([
      'contentType',
    ]);
  });
});

describe('sameTags and sameEtag', () => {
  it('compares tag sets in any order', () => {
    const a = [
      { key: 'x', value: '1' },
      { key: 'y', value: '2' },
    ];
    expect(sameTags(a, [...a].reverse())).toBe(true);
    expect(sameTags(a, [{ key: 'x', value: '1' }])).toBe(false);
    expect(sameTags(a, [a[0]!, { key: 'y', value: '3' }])).toBe(false);
  });
  it('compares ETags without quotes or weak markers', () => {
    expect(sameEtag('"abc"', 'abc')).toBe(true);
    expect(sameEtag('W/"abc"', '"abc"')).toBe(true);
    expect(sameEtag('"abc"', '"abd"')).toBe(false);
  });
});

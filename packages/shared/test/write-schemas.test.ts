import { describe, expect, it } from 'vitest';
import { decodeMetadataValue, encodeMetadataValue } from '../src/rfc2047.js';
import { MetadataSchema, UpdateMetadataBodySchema } from '../src/metadata.js';
import { TagSetSchema } from '../src/tags.js';
import { DeleteObjectsBodySchema } from '../src/delete.js';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('RFC 2047 metadata values', () => {
  it.each(['Zoë Ölçer', '日本語のテキスト', 'emoji 🎉', 'mixed ascii + ü'])(
    'round-trips %j',
    (v) => {
      const encoded = encodeMetadataValue(v);
      expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(decodeMetadataValue(encoded)).toBe(v);
    },
  );
  it('leaves ASCII alone both ways', () => {
    expect(encodeMetadataValue('plain value')).toBe('plain value');
    expect(decodeMetadataValue('=?not a word')).toBe('=?not a word');
  });
  it('decodes Q words and adjacent words written by other clients', () => {
    expect(decodeMetadataValue('=?utf-8?Q?caf=C3=A9_au_lait?=')).toBe('café au lait');
    expect(decodeMetadataValue('=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?=')).toBe('éé');
  });
  it('keeps an undecodable word as it was', () => {
    expect(decodeMetadataValue('=?x-unknown?B?AAAA?=')).toBe('=?x-unknown?B?AAAA?=');
  });
});

describe('MetadataSchema', () => {
  it('accepts lowercase names and printable ASCII', () => {
    expect(MetadataSchema.safeParse({ 'project-id': '42', owner_name: 'a b' }).success).toBe(true);
  });
  it.each([
    [{ Owner: 'x' }, 'Metadata names use lowercase letters, digits, "-" and "_" only'],
    [{ 'a b': 'x' }, 'Metadata names use lowercase letters, digits, "-" and "_" only'],
    [
      { owner: 'Zoë' },
      'Metadata values are printable ASCII; encode other text as RFC 2047 words (=?UTF-8?B?…?=)',
    ],
    [
      { owner: 'line\nbreak' },
      'Metadata values are printable ASCII; encode other text as RFC 2047 words (=?UTF-8?B?…?=)',
    ],
    [
      { big: 'x'.repeat(2046) },
      "User metadata is over S3's limit of 2048 bytes (names and values together)",
    ],
  ])('refuses metadata %#', (m, message) => {
    expect(firstMessage(MetadataSchema.safeParse(m))).toBe(message);
  });
  it('allows exactly 2 KB', () => {
    expect(MetadataSchema.safeParse({ big: 'x'.repeat(2045) }).success).toBe(true);
  });
  it('knows null (remove) from absent (keep) in an edit', () => {
    const body = UpdateMetadataBodySchema.parse({ metadata: {}, cacheControl: null });
    expect(body.cacheControl).toBeNull();
    expect('contentType' in body).toBe(false);
    expect(
      firstMessage(UpdateMetadataBodySchema.safeParse({ metadata: {}, expires: 'soon' })),
    ).toBe('Expires is a date (ISO 8601 or an HTTP date)');
  });
});

describe('TagSetSchema', () => {
  const tag = (key: string, value = 'v') => ({ key, value });
  it('accepts S3 tag characters, unicode letters included', () => {
    expect(
      TagSetSchema.safeParse([tag('team: data/ops', 'a+b=c.d_e@f-g'), tag('équipe', 'données')])
        .success,
    ).toBe(true);
  });
  it.each([
    [Array.from({ length: 11 }, (_, i) => tag(`k${i}`)), 'An object has at most 10 tags'],
    [[tag('a'), tag('a')], 'Tag key "a" is used twice'],
    [[tag('bad<key>')], 'Tag keys use letters, digits, spaces and + - = . _ : / @ only'],
    [[tag('k', 'semi;colon')], 'Tag values use letters, digits, spaces and + - = . _ : / @ only'],
    [[tag('k'.repeat(129))], 'Tag keys are at most 128 characters'],
    [[tag('k', 'v'.repeat(257))], 'Tag values are at most 256 characters'],
    [[tag('')], 'A tag key is needed'],
  ])('refuses %#', (tags, message) => {
    expect(firstMessage(TagSetSchema.safeParse(tags))).toBe(message);
  });
});

describe('DeleteObjectsBodySchema', () => {
  it('takes keys or a prefix, not the bucket root', () => {
    expect(DeleteObjectsBodySchema.safeParse({ keys: ['a'] }).success).toBe(true);
    expect(DeleteObjectsBodySchema.safeParse({ prefix: 'dir/' }).success).toBe(true);
    expect(DeleteObjectsBodySchema.safeParse({ prefix: '' }).success).toBe(false);
    expect(DeleteObjectsBodySchema.safeParse({ keys: [] }).success).toBe(false);
  });
});

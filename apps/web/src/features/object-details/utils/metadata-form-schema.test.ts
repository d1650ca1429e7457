import { describe, expect, it } from 'vitest';
import type { ObjectDetails } from '@stowage/shared';
import { createMetadataFormSchema, metadataFormValues } from './metadata-form-schema';

const details: ObjectDetails = {
  key: 'a.txt',
  size: 1,
  etag: '"abc"',
  lastModified: null,
  contentType: 'text/plain',
  cacheControl: 'no-cache',
  contentDisposition: null,
  contentEncoding: null,
  contentLanguage: null,
  expires: null,
  storageClass: null,
  versionId: null,
  metadata: { greeting: '=?UTF-8?B?R3LDvMOfZQ==?=', plain: 'x' },
};

const loaded = metadataFormValues(details);
const schema = createMetadataFormSchema(loaded, details.etag);

function issues(values: typeof loaded) {
  const result = schema.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('metadata form schema', () => {
  it('loads user metadata decoded', () => {
    expect(loaded.metadata).toEqual([
      { name: 'greeting', value: 'Grüße' },
      { name: 'plain', value: 'x' },
    ]);
  });

  it('sends only changed headers (null removes), the metadata encoded, and ifMatch', () => {
    const body = schema.parse({
      ...loaded,
      cacheControl: '',
      contentLanguage: ' de ',
      metadata: [...loaded.metadata, { name: 'city', value: 'Zürich' }, { name: '', value: '' }],
    });
    expect(body).toEqual({
      metadata: {
        greeting: '=?UTF-8?B?R3LDvMOfZQ==?=',
        plain: 'x',
        city: '=?UTF-8?B?WsO8cmljaA==?=',
      },
      cacheControl: null,
      contentLanguage: 'de',
      ifMatch: '"abc"',
    });
  });

  it('reports problems on the field they belong to', () => {
    expect(
      issues({
        ...loaded,
        expires: 'soon',
        contentType: 'text/plain; name=ü',
        metadata: [
          { name: 'Bad Name', value: '' },
          { name: 'plain', value: 'y' },
          { name: 'plain', value: 'z' },
          { name: '', value: 'orphan' },
        ],
      }),
    ).toEqual([
      ['metadata.0.name', 'Metadata names use lowercase letters, digits, "-" and "_" only'],
      ['metadata.2.name', 'The name "plain" is used twice'],
      ['metadata.3.name', 'A metadata name is needed'],
      ['contentType', 'Content-Type is printable ASCII'],
      ['expires', 'Expires is a date (ISO 8601 or an HTTP date)'],
    ]);
  });

  it("puts S3's 2 KB limit on the rows as a whole", () => {
    expect(issues({ ...loaded, metadata: [{ name: 'big', value: 'é'.repeat(1200) }] })).toEqual([
      ['metadata', "User metadata is over S3's limit of 2048 bytes (names and values together)"],
    ]);
  });
});

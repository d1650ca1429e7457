import { describe, expect, it } from 'vitest';
import { createTextObjectSchema } from './text-object-schema';
import { UploadOptionsFormSchema } from './upload-options-schema';

describe('upload options form', () => {
  it('encodes metadata and drops empty options', () => {
    expect(
      UploadOptionsFormSchema.parse({ contentType: ' ', metadata: [{ name: '', value: '' }] }),
    ).toEqual({ contentType: undefined, metadata: undefined });
    expect(
      UploadOptionsFormSchema.parse({
        contentType: 'text/csv',
        metadata: [{ name: 'origin', value: 'Zürich' }],
      }),
    ).toEqual({ contentType: 'text/csv', metadata: { origin: '=?UTF-8?B?WsO8cmljaA==?=' } });
  });

  it('reports a bad name on its row', () => {
    const result = UploadOptionsFormSchema.safeParse({
      contentType: '',
      metadata: [{ name: 'Origin', value: 'x' }],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['metadata.0.name']);
  });
});

describe('new text object form', () => {
  const schema = createTextObjectSchema('notes/');
  it.each([
    ['', 'A name is needed'],
    ['sub/', 'The name ends with "/", which would make it a folder'],
    ['x'.repeat(1020), 'The object key is longer than 1024 bytes (UTF-8)'],
  ])('%s is refused', (name, message) => {
    expect(schema.safeParse({ name, content: '' }).error?.issues[0]?.message).toBe(message);
  });
  it('puts the name under the prefix', () => {
    expect(schema.parse({ name: 'a/b.txt', content: 'hi' })).toEqual({
      key: 'notes/a/b.txt',
      content: 'hi',
    });
  });
});

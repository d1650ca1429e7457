import { describe, expect, it } from 'vitest';
import { downloadFilename, keyBasename, parentPrefix, prefixSegments } from '../src/keys.js';
import { ObjectKeySchema } from '../src/common.js';
import { ListObjectsQuerySchema } from '../src/objects.js';

describe('key helpers', () => {
  it.each([
    ['a/b/c.txt', 'a/b/'],
    ['a/b/', 'a/'],
    ['a', ''],
    ['a/', ''],
    ['/lead', '/'],
  ])('parentPrefix(%j) = %j', (key, parent) => {
    expect(parentPrefix(key)).toBe(parent);
  });

  it.each([
    ['a/b/c.txt', '', 'c.txt'],
    ['a/b/', '', 'b/'],
    ['photos/2024/x.png', 'photos/', '2024/x.png'],
  ])('keyBasename(%j, %j) = %j', (key, prefix, name) => {
    expect(keyBasename(key, prefix)).toBe(name);
  });

  it('splits a prefix into breadcrumb steps', () => {
    expect(prefixSegments('a/b c/ü/')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: 'b c', prefix: 'a/b c/' },
      { name: 'ü', prefix: 'a/b c/ü/' },
    ]);
    expect(prefixSegments('')).toEqual([]);
    expect(prefixSegments('a//')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: '', prefix: 'a//' },
    ]);
  });

  it.each([
    ['dir/report 2024.pdf', 'report 2024.pdf'],
    ['dir/sub/', 'sub'],
    ['/', 'download'],
  ])('downloadFilename(%j) = %j', (key, name) => {
    expect(downloadFilename(key)).toBe(name);
  });
});

describe('ObjectKeySchema', () => {
  it('accepts 1,024 bytes of UTF-8 and refuses 1,025', () => {
    expect(ObjectKeySchema.safeParse('é'.repeat(512)).success).toBe(true);
    const r = ObjectKeySchema.safeParse('é'.repeat(512) + 'x');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/longer than 1024 bytes/);
  });
  it('refuses an empty key', () => {
    expect(ObjectKeySchema.safeParse('').error?.issues[0]?.message).toBe('The object key is empty');
  });
});

describe('ListObjectsQuerySchema', () => {
  it('defaults to one full page of the bucket root with "/" as delimiter', () => {
    expect(ListObjectsQuerySchema.parse({})).toEqual({ prefix: '', delimiter: '/', limit: 1000 });
  });
  it('refuses a limit over 1000', () => {
    expect(ListObjectsQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
  });
});

import { CopyObjectsBodySchema, type CopyObjectsInput } from '@stowage/shared';
import { describe, expect, it } from 'vitest';
import {
  checkFolders,
  existsMessage,
  isMultipartEtag,
  lastSegment,
  renameAsMove,
  shapeOf,
} from '../../src/store/organize-keys.js';

const shape = (body: CopyObjectsInput) => shapeOf(CopyObjectsBodySchema.parse(body));

describe('organize keys', () => {
  it('names the last segment of a key or a folder', () => {
    expect(lastSegment('a/b/c.txt')).toBe('c.txt');
    expect(lastSegment('a/b/')).toBe('b/');
    expect(lastSegment('top.txt')).toBe('top.txt');
    expect(lastSegment('f/')).toBe('f/');
  });

  it('maps a selection under to.prefix, each item under its own name', () => {
    expect(
      shape({ keys: ['cur/a.txt'], prefixes: ['cur/f/'], to: { bucket: 'bkt', prefix: 'to/' } }),
    ).toEqual({
      keys: [{ key: 'cur/a.txt', target: 'to/a.txt' }],
      folders: [{ prefix: 'cur/f/', target: 'to/f/' }],
      single: false,
    });
    expect(shape({ prefix: 'p/', to: { bucket: 'bkt', prefix: 'q/' } }).folders).toEqual([
      { prefix: 'p/', target: 'q/' },
    ]);
    expect(shape({ keys: ['a'], to: { bucket: 'bkt', key: 'z' } })).toMatchObject({ single: true });
  });

  it('refuses to.key for a folder or several keys', () => {
    expect(() => shape({ prefix: 'p/', to: { bucket: 'bkt', key: 'z' } })).toThrow(/to.prefix/);
    expect(() => shape({ keys: ['a', 'b'], to: { bucket: 'bkt', key: 'z' } })).toThrow(
      /exactly one/,
    );
  });

  it('refuses a folder moved onto or into itself, and copied onto itself without keepBoth', () => {
    const f = (target: string) => [{ prefix: 'f/', target }];
    expect(() => checkFolders(f('f/'), true, true, false)).toThrow('onto itself');
    expect(() => checkFolders(f('f/g/'), true, true, true)).toThrow('its own subfolder f/g/');
    expect(() => checkFolders(f('f/'), true, false, false)).toThrow('keep both');
    expect(() => checkFolders(f('f/'), true, false, true)).not.toThrow();
    expect(() => checkFolders(f('f/g/'), true, false, false)).not.toThrow();
    expect(() => checkFolders(f('f/'), false, true, false)).not.toThrow();
    // "fo/" is not inside "f/".
    expect(() => checkFolders([{ prefix: 'f/', target: 'fo/' }], true, true, false)).not.toThrow();
  });

  it('names how many destinations exist and the first three', () => {
    expect(existsMessage(['a'])).toBe('1 destination already exists: "a"');
    expect(existsMessage(['a', 'b', 'c', 'd', 'e'])).toBe(
      '5 destinations already exist: "a", "b", "c" and 2 more',
    );
  });

  it('tells multipart ETags', () => {
    expect(isMultipartEtag('"d41d8cd98f00b204e9800998ecf8427e-3"')).toBe(true);
    expect(isMultipartEtag('"d41d8cd98f00b204e9800998ecf8427e"')).toBe(false);
    expect(isMultipartEtag(null)).toBe(false);
  });

  it('turns a rename into a move within the bucket', () => {
    expect(renameAsMove('bkt', { from: 'a/x', to: 'a/y', conflict: 'fail' })).toEqual({
      keys: ['a/x'],
      prefixes: [],
      to: { bucket: 'bkt', key: 'a/y' },
      move: true,
      conflict: 'fail',
    });
    expect(renameAsMove('bkt', { from: 'd/', to: 'e/', conflict: 'skip' })).toEqual({
      prefix: 'd/',
      to: { bucket: 'bkt', prefix: 'e/' },
      move: true,
      conflict: 'skip',
    });
  });
});

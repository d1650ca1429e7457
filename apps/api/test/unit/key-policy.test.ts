import { describe, expect, it } from 'vitest';
import { fileSystemKeyProblem, keyError } from '../../src/store/key-policy.js';

describe('fileSystemKeyProblem', () => {
  it.each([
    ['a/../b', 'has a "." or ".." path segment'],
    ['..', 'has a "." or ".." path segment'],
    ['a/./b', 'has a "." or ".." path segment'],
    ['a//b', 'contains "//"'],
    ['/lead', 'starts with "/"'],
    [`a/${'x'.repeat(256)}`, 'has a path segment over 255 bytes'],
    [`${'é'.repeat(128)}`, 'has a path segment over 255 bytes'],
  ])('refuses %j: %s', (key, problem) => {
    expect(fileSystemKeyProblem(key)).toBe(problem);
  });

  it.each(['a b/c+d%e#f?g&h=i.txt', 'dir/', '日本/ファイル', 'a..b/..c', `a/${'x'.repeat(255)}`])(
    'accepts %j',
    (key) => {
      expect(fileSystemKeyProblem(key)).toBeUndefined();
    },
  );
});

describe('keyError', () => {
  const open = { fileSystemKeys: false, confined: false };
  const confined = { fileSystemKeys: false, confined: true };
  it.each(['..', '../b', 'a/../../b', 'a//../../b', './../b', 'a/b/../../../c'])(
    'refuses %j everywhere: it climbs out of its bucket',
    (key) => {
      expect(keyError(key, open)?.message).toMatch(/climbs out of its bucket/);
    },
  );

  it.each(['a/../b', 'a/b/../../c', './a', 'a/.', '...', 'a/..b', '..a/b'])(
    'lets %j through where nothing limits the buckets (a real store keeps it as is)',
    (key) => {
      expect(keyError(key, open)).toBeUndefined();
    },
  );

  it.each(['a/../b', './a', 'a/.'])('refuses %j on a connection limited to some buckets', (key) => {
    expect(keyError(key, confined)?.message).toMatch(/may use only some buckets/);
  });

  it('refuses a NUL everywhere', () => {
    expect(keyError('a\0b', open)?.message).toBe('The object key contains a NUL character');
  });
});

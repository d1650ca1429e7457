import { describe, expect, it } from 'vitest';
import { embeddedKeyProblem } from '../../src/store/key-policy.js';

describe('embeddedKeyProblem', () => {
  it.each([
    ['a/../b', 'has a "." or ".." path segment'],
    ['..', 'has a "." or ".." path segment'],
    ['a/./b', 'has a "." or ".." path segment'],
    ['a//b', 'contains "//"'],
    ['/lead', 'starts with "/"'],
    [`a/${'x'.repeat(256)}`, 'has a path segment over 255 bytes'],
    [`${'é'.repeat(128)}`, 'has a path segment over 255 bytes'],
  ])('refuses %j: %s', (key, problem) => {
    expect(embeddedKeyProblem(key)).toBe(problem);
  });

  it.each(['a b/c+d%e#f?g&h=i.txt', 'dir/', '日本/ファイル', 'a..b/..c', `a/${'x'.repeat(255)}`])(
    'accepts %j',
    (key) => {
      expect(embeddedKeyProblem(key)).toBeUndefined();
    },
  );
});

import { describe, expect, it } from 'vitest';
import { nameProblem, parentOf } from '../../src/zip/zip-members.js';

describe('zip member names', () => {
  it('takes what an extractor keeps inside its folder, exactly as the key says', () => {
    for (const name of [
      'a.txt',
      'a/b/c.txt',
      'with space + % # ? &.txt',
      'ü/日本.txt',
      'd/',
      '.env',
      'a/./b',
    ]) {
      expect(nameProblem(name), name).toBeUndefined();
    }
  });

  it('refuses names that would land elsewhere or be rewritten', () => {
    expect(nameProblem('')).toBe('is empty');
    expect(nameProblem('/etc/passwd')).toBe('starts with "/"');
    expect(nameProblem('C:x')).toBe('starts with a drive letter');
    expect(nameProblem('a\\b.txt')).toBe('contains a backslash');
    expect(nameProblem('a/../../b')).toBe('has a ".." segment');
    expect(nameProblem('..')).toBe('has a ".." segment');
  });

  it("finds an item's parent folder", () => {
    expect(parentOf('cur/x.txt')).toBe('cur/');
    expect(parentOf('cur/f/')).toBe('cur/');
    expect(parentOf('x.txt')).toBe('');
    expect(parentOf('f/')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { keepBothKey } from '@stowage/shared';
import { uploadPath } from './upload-path';

function fileWith(name: string, props: Record<string, string> = {}): File {
  const file = new File(['x'], name);
  for (const [prop, value] of Object.entries(props)) {
    Object.defineProperty(file, prop, { value });
  }
  return file;
}

describe('uploadPath', () => {
  it.each([
    ['a dropped file', fileWith('a.txt', { relativePath: './a.txt' }), 'a.txt'],
    [
      'a dropped folder',
      fileWith('b.jpg', { relativePath: '/photos/2024/b.jpg' }),
      'photos/2024/b.jpg',
    ],
    ['the folder picker', fileWith('c.txt', { webkitRelativePath: 'docs/c.txt' }), 'docs/c.txt'],
    ['no path at all', fileWith('plain.txt'), 'plain.txt'],
    ['".." segments', fileWith('x', { relativePath: '../../etc/x' }), 'etc/x'],
    ['"." and empty segments', fileWith('y', { relativePath: '//a/./b//y' }), 'a/b/y'],
    ['backslashes', fileWith('z', { relativePath: 'a\\b\\z' }), 'a/b/z'],
    ['only dots', fileWith('n.txt', { relativePath: '/../.' }), 'n.txt'],
  ])('%s', (_name, file, expected) => {
    expect(uploadPath(file)).toBe(expected);
  });
});

describe('keepBothKey', () => {
  it.each([
    ['docs/report.pdf', 1, 'docs/report (1).pdf'],
    ['report.tar.gz', 2, 'report.tar (2).gz'],
    ['.env', 1, '.env (1)'],
    ['folder/README', 3, 'folder/README (3)'],
    ['a.b/c', 1, 'a.b/c (1)'],
  ])('%s, %i -> %s', (key, n, expected) => {
    expect(keepBothKey(key, n)).toBe(expected);
  });
});

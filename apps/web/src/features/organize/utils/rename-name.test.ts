import { describe, expect, it } from 'vitest';
import { currentName, renamedKey, renameProblem } from './rename-name';

describe('rename', () => {
  it('starts from the name, a folder without its slash', () => {
    expect(currentName('a/b.txt')).toBe('b.txt');
    expect(currentName('a/photos/')).toBe('photos');
    expect(currentName('top.txt')).toBe('top.txt');
  });

  it('keeps the folder and a folder its slash', () => {
    expect(renamedKey('a/b.txt', 'c.txt')).toBe('a/c.txt');
    expect(renamedKey('a/photos/', 'pics')).toBe('a/pics/');
    expect(renamedKey('top.txt', 'new name.txt')).toBe('new name.txt');
  });

  it('refuses empty, "/", dot names and the same name', () => {
    expect(renameProblem('', 'a/b.txt')).toBe('Enter a name.');
    expect(renameProblem('x/y.txt', 'a/b.txt')).toMatch(/Move to/);
    expect(renameProblem('..', 'a/b.txt')).toMatch(/“\.”/);
    expect(renameProblem('b.txt', 'a/b.txt')).toMatch(/already/);
    expect(renameProblem('photos', 'a/photos/')).toMatch(/already/);
    expect(renameProblem(' c.txt', 'a/b.txt')).toBeNull();
  });
});

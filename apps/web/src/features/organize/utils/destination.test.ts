import { describe, expect, it } from 'vitest';
import { destinationKey, destinationLabel, moveProblem, parseDestinationPath } from './destination';

describe('destinationKey', () => {
  it('puts objects and folders under their own names', () => {
    expect(destinationKey('a/x.txt', 'a/', 'd/')).toBe('d/x.txt');
    expect(destinationKey('a/f/', 'a/', 'd/e/')).toBe('d/e/f/');
    expect(destinationKey('x.txt', '', '')).toBe('x.txt');
    expect(destinationKey('a/x.txt', 'a/', '')).toBe('x.txt');
  });
});

describe('parseDestinationPath', () => {
  it('reads a bucket and a folder, adding the trailing slash', () => {
    expect(parseDestinationPath('b2/dest/sub/')).toEqual({ bucket: 'b2', prefix: 'dest/sub/' });
    expect(parseDestinationPath('b2/dest')).toEqual({ bucket: 'b2', prefix: 'dest/' });
    expect(parseDestinationPath('/b2')).toEqual({ bucket: 'b2', prefix: '' });
    expect(parseDestinationPath('b2/')).toEqual({ bucket: 'b2', prefix: '' });
  });

  it('refuses a path without a bucket', () => {
    expect(parseDestinationPath('')).toBeNull();
    expect(parseDestinationPath('/')).toBeNull();
  });

  it('labels it back', () => {
    expect(destinationLabel({ bucket: 'b2', prefix: 'dest/' })).toBe('b2/dest/');
  });
});

describe('moveProblem', () => {
  it('refuses the same folder and a folder into itself, in the same bucket only', () => {
    expect(moveProblem('b', 'a/', [], { bucket: 'b', prefix: 'a/' })).toMatch(/already/);
    expect(moveProblem('b', 'a/', ['a/f/'], { bucket: 'b', prefix: 'a/f/g/' })).toMatch(/itself/);
    expect(moveProblem('b', 'a/', ['a/f/'], { bucket: 'c', prefix: 'a/f/g/' })).toBeNull();
    expect(moveProblem('b', 'a/', ['a/f/'], { bucket: 'b', prefix: '' })).toBeNull();
  });
});

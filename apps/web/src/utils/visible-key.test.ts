import { describe, expect, it } from 'vitest';
import { hiddenCharTitle, keyParts, visibleKey } from './visible-key';

const cp = (code: number) => String.fromCodePoint(code);

describe('visibleKey', () => {
  it('leaves ordinary keys as they are (the same string)', () => {
    const key = 'docs/unicode/naïve café ☕ 日本語.txt';
    expect(visibleKey(key)).toBe(key);
  });

  it.each([
    [0x202a, '⟨U+202A⟩'],
    [0x202e, '⟨U+202E⟩'],
    [0x2066, '⟨U+2066⟩'],
    [0x2069, '⟨U+2069⟩'],
    [0x200e, '⟨U+200E⟩'],
    [0x200f, '⟨U+200F⟩'],
    [0x061c, '⟨U+061C⟩'],
    [0x0000, '⟨U+0000⟩'],
    [0x000a, '⟨U+000A⟩'],
    [0x001f, '⟨U+001F⟩'],
    [0x007f, '⟨U+007F⟩'],
    [0x0080, '⟨U+0080⟩'],
    [0x009f, '⟨U+009F⟩'],
    [0x200b, '⟨U+200B⟩'],
    [0x200d, '⟨U+200D⟩'],
    [0xfeff, '⟨U+FEFF⟩'],
  ])('shows U+%s as a marker', (code, marker) => {
    expect(visibleKey(`a${cp(code)}b`)).toBe(`a${marker}b`);
  });

  it('unmasks the CVE-2023-33955 trick: "evil‮txt.exe" cannot pass for "evilexe.txt"', () => {
    expect(visibleKey(`invoice${cp(0x202e)}fdp.exe`)).toBe('invoice⟨U+202E⟩fdp.exe');
  });

  it('keeps visible neighbours of the hidden ranges (space, "~", U+00A0, U+2010, U+206A)', () => {
    const key = ` ~${cp(0xa0)}${cp(0x2010)}${cp(0x206a)}`;
    expect(visibleKey(key)).toBe(key);
  });

  it('does not split astral characters', () => {
    expect(visibleKey(`😀${cp(0x200b)}😀`)).toBe('😀⟨U+200B⟩😀');
  });
});

describe('keyParts', () => {
  it('splits text and hidden characters in order', () => {
    expect(keyParts(`ab${cp(0x202e)}${cp(0x200b)}cd`)).toEqual([
      { text: 'ab' },
      { hidden: 0x202e },
      { hidden: 0x200b },
      { text: 'cd' },
    ]);
  });

  it('gives one text part for an ordinary or empty key', () => {
    expect(keyParts('plain')).toEqual([{ text: 'plain' }]);
    expect(keyParts('')).toEqual([{ text: '' }]);
  });
});

describe('hiddenCharTitle', () => {
  it('names bidi characters and controls', () => {
    expect(hiddenCharTitle(0x202e)).toBe('Hidden character U+202E (RIGHT-TO-LEFT OVERRIDE)');
    expect(hiddenCharTitle(0x0009)).toBe('Hidden character U+0009 (control character)');
    expect(hiddenCharTitle(0x2028)).toBe('Hidden character U+2028 (invisible character)');
  });
});

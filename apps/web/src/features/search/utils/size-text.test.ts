import { describe, expect, it } from 'vitest';
import { formatSizeText, parseSizeText } from './size-text';

describe('parseSizeText', () => {
  it('reads bytes and binary units, any case, with or without a space', () => {
    expect(parseSizeText('500')).toEqual({ bytes: 500 });
    expect(parseSizeText('10 KB')).toEqual({ bytes: 10_240 });
    expect(parseSizeText('1.5gb')).toEqual({ bytes: 1.5 * 1024 ** 3 });
    expect(parseSizeText(' 2 MiB ')).toEqual({ bytes: 2 * 1024 ** 2 });
    expect(parseSizeText('3G')).toEqual({ bytes: 3 * 1024 ** 3 });
    expect(parseSizeText('1 TB')).toEqual({ bytes: 1024 ** 4 });
    expect(parseSizeText('0')).toEqual({ bytes: 0 });
    expect(parseSizeText('.5 KB')).toEqual({ bytes: 512 });
  });

  it('rounds a fraction of a byte down', () => {
    expect(parseSizeText('1.3 B')).toEqual({ bytes: 1 });
    expect(parseSizeText('0.001 KB')).toEqual({ bytes: 1 });
  });

  it('empty is no limit', () => {
    expect(parseSizeText('  ')).toEqual({ bytes: undefined });
  });

  it('refuses what is not a size, saying why', () => {
    expect(parseSizeText('-1')).toHaveProperty('problem');
    expect(parseSizeText('1e3')).toHaveProperty('problem');
    expect(parseSizeText('ten')).toHaveProperty('problem');
    expect(parseSizeText('5 XB')).toEqual({
      problem: 'Unknown unit "XB": use B, KB, MB, GB or TB',
    });
    expect(parseSizeText('99999999 TB')).toEqual({ problem: 'This size is too large' });
  });
});

describe('formatSizeText', () => {
  it('shows bytes in the largest unit that divides them, round-tripping', () => {
    for (const text of ['10 KB', '3 GB', '1 TB', '1000', '1536 KB']) {
      const parsed = parseSizeText(text);
      if (!('bytes' in parsed) || parsed.bytes === undefined) throw new Error(text);
      expect(parseSizeText(formatSizeText(String(parsed.bytes)))).toEqual(parsed);
    }
    expect(formatSizeText(String(1024 ** 3))).toBe('1 GB');
    expect(formatSizeText('1536')).toBe('1536');
    expect(formatSizeText('0')).toBe('0');
    expect(formatSizeText(undefined)).toBe('');
  });

  it('leaves what is not a number as it is (the API says what is wrong)', () => {
    expect(formatSizeText('abc')).toBe('abc');
  });
});

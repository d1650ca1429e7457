import { describe, expect, it } from 'vitest';
import { parseAmzDate, parseRawQuery } from '../../src/embedded/embedded-sigv4.js';

describe('parseRawQuery (the query as a SigV4 client signed it)', () => {
  it('decodes names and values from the raw URL; a "+" stays a "+"', () => {
    expect({ ...parseRawQuery('prefix=a+b%2Bc%20d&list-type=2&uploads') }).toEqual({
      prefix: 'a+b+c d',
      'list-type': '2',
      uploads: '',
    });
  });

  it('keeps repeated names, and a value with "="', () => {
    expect({ ...parseRawQuery('a=1&a=2&b=x=y') }).toEqual({ a: ['1', '2'], b: 'x=y' });
  });

  it('holds "__proto__" as a plain name', () => {
    const q = parseRawQuery('__proto__=x')!;
    expect(Object.keys(q)).toEqual(['__proto__']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('is undefined for a malformed escape', () => {
    expect(parseRawQuery('a=%E0%A4%A')).toBeUndefined();
  });
});

describe('parseAmzDate', () => {
  it('reads the ISO 8601 basic format, and nothing else', () => {
    expect(parseAmzDate('20260102T030405Z')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(parseAmzDate('20260230T000000Z')).toBeNaN();
    expect(parseAmzDate('2026-01-02T03:04:05Z')).toBeNaN();
    expect(parseAmzDate(undefined)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { globProblem, searchMatcher, type SearchFilter } from '../src/search-match.js';
import { SearchQuerySchema, searchUrl } from '../src/search.js';

const object = (
  key: string,
  size = 0,
  lastModified: string | null = '2025-06-15T12:00:00.000Z',
) => ({
  key,
  size,
  lastModified,
});

/** The keys of `keys` a filter matches. */
const matching = (filter: Partial<SearchFilter>, keys: string[]) => {
  const m = searchMatcher({ prefix: '', q: '', ...filter });
  return keys.filter((k) => m(object(k)));
};

describe('searchMatcher: substrings', () => {
  const keys = ['a/Report.PDF', 'a/report.csv', 'b/REPORT/x.txt', 'b/other.txt', 'c/star*.txt'];

  it('match anywhere in the name, ignoring case by default', () => {
    expect(matching({ q: 'report' }, keys)).toEqual(keys.slice(0, 3));
    expect(matching({ q: 'RePoRt' }, keys)).toEqual(keys.slice(0, 3));
  });

  it('with matchCase, case counts', () => {
    expect(matching({ q: 'Report', matchCase: true }, keys)).toEqual(['a/Report.PDF']);
    expect(matching({ q: 'REPORT', matchCase: true }, keys)).toEqual(['b/REPORT/x.txt']);
  });

  it('glob characters are plain characters', () => {
    expect(matching({ q: '*' }, keys)).toEqual(['c/star*.txt']);
    expect(matching({ q: 'r*.t' }, keys)).toEqual(['c/star*.txt']);
  });

  it('the name is the key relative to the prefix', () => {
    expect(matching({ prefix: 'a/', q: 'a/' }, keys)).toEqual([]);
    expect(matching({ prefix: 'b/', q: 'report/' }, keys)).toEqual(['b/REPORT/x.txt']);
  });

  it('an empty q matches every key', () => {
    expect(matching({}, keys)).toEqual(keys);
  });

  it('unicode folds case as JavaScript does', () => {
    expect(matching({ q: 'ÉTÉ' }, ['x/été.txt', 'x/ete.txt'])).toEqual(['x/été.txt']);
    expect(matching({ q: '日本' }, ['日本語/ファイル', 'x'])).toEqual(['日本語/ファイル']);
  });
});

describe('searchMatcher: globs', () => {
  const keys = [
    'a.csv',
    'logs/2024-01/report1.pdf',
    'logs/2024-01/report10.pdf',
    'logs/2024-02/Report2.PDF',
    'logs/deep/er/x.csv',
    'data/star*name.csv',
    'data/starXname.csv',
    'data/what?.txt',
    'data/whatX.txt',
    'data/[set].txt',
    'data/s.txt',
    '.env',
    'conf/.hidden',
  ];

  it('without "/": the last segment, in any folder', () => {
    expect(matching({ q: '*.csv', glob: true }, keys)).toEqual([
      'a.csv',
      'logs/deep/er/x.csv',
      'data/star*name.csv',
      'data/starXname.csv',
    ]);
    expect(matching({ q: 'report?.pdf', glob: true }, keys)).toEqual([
      'logs/2024-01/report1.pdf',
      'logs/2024-02/Report2.PDF',
    ]);
    // A folder's name is not a match on its own.
    expect(matching({ q: 'logs', glob: true }, keys)).toEqual([]);
    expect(matching({ q: '2024-*', glob: true }, keys)).toEqual([]);
  });

  it('with "/": the whole relative name; * stays in one folder, ** crosses', () => {
    expect(matching({ q: '2024-*/report?.pdf', glob: true, prefix: 'logs/' }, keys)).toEqual([
      'logs/2024-01/report1.pdf',
      'logs/2024-02/Report2.PDF',
    ]);
    expect(matching({ q: 'logs/*.csv', glob: true }, keys)).toEqual([]);
    expect(matching({ q: 'logs/**/*.csv', glob: true }, keys)).toEqual(['logs/deep/er/x.csv']);
    expect(matching({ q: '**/x.csv', glob: true }, keys)).toEqual(['logs/deep/er/x.csv']);
  });

  it('ignores case unless matchCase', () => {
    expect(matching({ q: '*.pdf', glob: true }, keys)).toHaveLength(3);
    expect(matching({ q: '*.pdf', glob: true, matchCase: true }, keys)).toEqual([
      'logs/2024-01/report1.pdf',
      'logs/2024-01/report10.pdf',
    ]);
  });

  it('\\* \\? \\[ are literal', () => {
    expect(matching({ q: 'star*name.csv', glob: true }, keys)).toEqual([
      'data/star*name.csv',
      'data/starXname.csv',
    ]);
    expect(matching({ q: 'star\\*name.csv', glob: true }, keys)).toEqual(['data/star*name.csv']);
    expect(matching({ q: 'what?.txt', glob: true }, keys)).toEqual([
      'data/what?.txt',
      'data/whatX.txt',
    ]);
    expect(matching({ q: 'what\\?.txt', glob: true }, keys)).toEqual(['data/what?.txt']);
    expect(matching({ q: '\\[set\\].txt', glob: true }, keys)).toEqual(['data/[set].txt']);
    // A plain bracket expression is a class, or (picomatch's default) the brackets as written.
    expect(matching({ q: '[set].txt', glob: true }, keys)).toEqual([
      'data/[set].txt',
      'data/s.txt',
    ]);
  });

  it('dot files match', () => {
    expect(matching({ q: '.*', glob: true }, keys)).toEqual(['.env', 'conf/.hidden']);
    expect(matching({ q: '*', glob: true, prefix: 'conf/' }, ['conf/.hidden'])).toEqual([
      'conf/.hidden',
    ]);
    expect(matching({ q: 'conf/*', glob: true }, keys)).toEqual(['conf/.hidden']);
  });

  it('a folder key (ending in "/") is named by its last segment', () => {
    expect(matching({ q: 'er', glob: true }, ['logs/deep/er/'])).toEqual(['logs/deep/er/']);
  });
});

describe('searchMatcher: sizes and dates', () => {
  const m = (filter: Partial<SearchFilter>) => searchMatcher({ prefix: '', q: '', ...filter });

  it('minSize and maxSize are inclusive', () => {
    const f = m({ minSize: 10, maxSize: 20 });
    expect([9, 10, 15, 20, 21].filter((size) => f(object('k', size)))).toEqual([10, 15, 20]);
    expect(m({ minSize: 0 })(object('k', 0))).toBe(true);
    expect(m({ maxSize: 0 })(object('k', 1))).toBe(false);
  });

  it('modifiedAfter is inclusive, modifiedBefore exclusive', () => {
    const f = m({ modifiedAfter: '2025-06-01', modifiedBefore: '2025-06-02T00:00:00Z' });
    const at = (t: string) => f(object('k', 0, t));
    expect(at('2025-05-31T23:59:59.999Z')).toBe(false);
    expect(at('2025-06-01T00:00:00.000Z')).toBe(true);
    expect(at('2025-06-01T23:59:59.999Z')).toBe(true);
    expect(at('2025-06-02T00:00:00.000Z')).toBe(false);
  });

  it('a time zone offset is honoured', () => {
    const f = m({ modifiedAfter: '2025-06-01T02:00:00+02:00' });
    expect(f(object('k', 0, '2025-06-01T00:00:00.000Z'))).toBe(true);
    expect(f(object('k', 0, '2025-05-31T23:59:59.000Z'))).toBe(false);
  });

  it('an object without a date matches no date filter, and any other', () => {
    expect(m({ modifiedBefore: '2999-01-01' })(object('k', 0, null))).toBe(false);
    expect(m({ minSize: 0 })(object('k', 0, null))).toBe(true);
  });

  it('every filter must hold', () => {
    const f = m({ q: '*.csv', glob: true, minSize: 5, modifiedAfter: '2025-01-01' });
    expect(f(object('a/b.csv', 5))).toBe(true);
    expect(f(object('a/b.csv', 4))).toBe(false);
    expect(f(object('a/b.txt', 5))).toBe(false);
    expect(f(object('a/b.csv', 5, '2024-12-31T00:00:00Z'))).toBe(false);
  });
});

describe('globProblem and the query schema', () => {
  it('names q for an invalid glob, and passes a valid one', () => {
    expect(globProblem('[abc')).toMatch(/^q is not a valid glob/);
    expect(globProblem('a(b')).toMatch(/^q/);
    expect(globProblem('*.csv')).toBeUndefined();
    expect(globProblem('\\[abc')).toBeUndefined();
  });

  const problem = (query: Record<string, string>) => {
    const r = SearchQuerySchema.safeParse(query);
    return r.success ? undefined : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses bad input naming the parameter', () => {
    expect(problem({ minSize: '10', maxSize: '9' })).toEqual([
      'minSize: minSize is larger than maxSize',
    ]);
    expect(problem({ modifiedAfter: 'yesterday' })?.[0]).toMatch(/^modifiedAfter: modifiedAfter/);
    expect(problem({ modifiedBefore: '2025-02-30T25:00' })?.[0]).toMatch(/^modifiedBefore/);
    expect(problem({ limit: '0' })?.[0]).toMatch(/^limit: limit is at least 1/);
    expect(problem({ glob: 'yes' })?.[0]).toMatch(/^glob: glob is 1 or 0/);
  });

  it('gives the defaults', () => {
    expect(SearchQuerySchema.parse({})).toEqual({ prefix: '', q: '', limit: 10_000 });
    expect(SearchQuerySchema.parse({ glob: '1', matchCase: 'false', minSize: '0' })).toMatchObject({
      glob: true,
      matchCase: false,
      minSize: 0,
    });
  });

  it('searchUrl carries only what is given', () => {
    expect(searchUrl('b', { prefix: 'a b/', q: '*.csv', glob: true, matchCase: false })).toBe(
      '/api/buckets/b/search?prefix=a%20b%2F&q=*.csv&glob=1',
    );
    expect(searchUrl('b', {})).toBe('/api/buckets/b/search');
  });
});

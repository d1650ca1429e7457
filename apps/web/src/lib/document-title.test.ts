import { describe, expect, it } from 'vitest';
import { documentTitle } from './document-title';

describe('documentTitle', () => {
  it('names the screen, most specific first', () => {
    expect(documentTitle('/', {})).toBe('Buckets — Stowage');
    expect(documentTitle('/activity', {})).toBe('Activity — Stowage');
    expect(documentTitle('/b/demo', { prefix: '' })).toBe('demo — Stowage');
    expect(documentTitle('/b/demo', { prefix: 'docs/a/' })).toBe('docs/a/ — demo — Stowage');
    expect(documentTitle('/b/demo', { prefix: 'docs/', key: 'docs/r.pdf' })).toBe(
      'r.pdf — docs/ — demo — Stowage',
    );
    expect(documentTitle('/b/demo', { prefix: '', q: 'cat' })).toBe(
      'Search “cat” — demo — Stowage',
    );
    expect(documentTitle('/b/my%20b/settings', {})).toBe('Settings — my b — Stowage');
    expect(documentTitle('/nowhere/else', {})).toBe('Stowage');
  });
});

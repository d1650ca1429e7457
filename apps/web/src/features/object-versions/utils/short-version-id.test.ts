import { describe, expect, it } from 'vitest';
import { SHORT_LENGTH, shortVersionId } from './short-version-id';

describe('shortVersionId', () => {
  it('keeps a short id whole: the "null" version, an id of 12 characters', () => {
    expect(shortVersionId('null')).toBe('null');
    expect(shortVersionId('abcdefghijkl')).toBe('abcdefghijkl');
  });

  it("cuts a longer id to its head (Ceph's, AWS's)", () => {
    expect(shortVersionId('Hc5e9IRQ0eHLbyqXW-5lhwYF1TZXCfx')).toBe('Hc5e9IRQ');
    expect(shortVersionId('abcdefghijklm')).toHaveLength(SHORT_LENGTH);
  });

  it('passes characters through as they are, never splitting one in two', () => {
    expect(shortVersionId('a+b/c=d%2Fe.f_g')).toBe('a+b/c=d%');
    expect(shortVersionId('😀😀😀😀😀😀😀😀😀😀😀😀😀')).toBe('😀😀😀😀😀😀😀😀');
  });
});

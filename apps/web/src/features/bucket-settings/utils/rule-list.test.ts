import { describe, expect, it } from 'vitest';
import { rulesDocument, withoutRule, withRule } from './rule-list';

describe('rule lists', () => {
  const rules = ['a', 'b', 'c'] as const;

  it('adds a new rule at the end', () => {
    expect(withRule(rules, null, 'd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts an edited rule in its place, the others untouched', () => {
    expect(withRule(rules, 1, 'B')).toEqual(['a', 'B', 'c']);
    expect(rules).toEqual(['a', 'b', 'c']);
  });

  it('adds at the end when the index is gone', () => {
    expect(withRule(rules, 3, 'd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('removes the rule at an index', () => {
    expect(withoutRule(rules, 0)).toEqual(['b', 'c']);
    expect(withoutRule(rules, 7)).toEqual(['a', 'b', 'c']);
  });

  it('builds the document, or null when no rule is left', () => {
    expect(rulesDocument('CORSRules', ['x'])).toEqual({ CORSRules: ['x'] });
    expect(rulesDocument('Rules', [])).toBeNull();
  });
});

/** One rule put in a list of rules: added at the end (index null) or in place of the one at index. */
export function withRule<R>(rules: readonly R[], index: number | null, rule: R): R[] {
  if (index === null || index < 0 || index >= rules.length) return [...rules, rule];
  return rules.map((r, i) => (i === index ? rule : r));
}

/** The list without the rule at index. */
export function withoutRule<R>(rules: readonly R[], index: number): R[] {
  return rules.filter((_, i) => i !== index);
}

/**
 * The setting's document for a list of rules: null when none are left (the configuration is
 * deleted: S3 refuses an empty rule list).
 */
export function rulesDocument<K extends string, R>(
  key: K,
  rules: readonly R[],
): Record<K, R[]> | null {
  if (rules.length === 0) return null;
  return { [key]: [...rules] } as Record<K, R[]>;
}

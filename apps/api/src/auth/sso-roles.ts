import type { SsoConfig, SsoRole } from '../config/sso.js';

/**
 * Claims → roles → profiles (issue 21). Rules are read in the file's order: the first rule that
 * grants a profile decides its read-only and bucket allowlist for that person.
 */

/** The claim values that match a rule (what the session keeps). */
export const matchedRoles = (sso: SsoConfig, values: readonly string[]) =>
  [...new Set(values)].filter((v) => sso.roles.some((r) => r.value === v));

/** The profiles these values grant, in rule order, each once. */
export function grantedProfiles(sso: SsoConfig, values: readonly string[]): string[] {
  const names = sso.roles.filter((r) => values.includes(r.value)).map((r) => r.profile);
  return [...new Set(names)];
}

/** The rule that grants `profile` to someone with these values, if any. */
export const roleFor = (
  sso: SsoConfig,
  values: readonly string[],
  profile: string,
): SsoRole | undefined => sso.roles.find((r) => r.profile === profile && values.includes(r.value));

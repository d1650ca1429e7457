/** Ids up to this long are shown whole ("null", a MinIO UUID's head is not enough). */
const WHOLE_UP_TO = 12;
/** Characters of a longer id that name it on screen and in the typed confirmation. */
export const SHORT_LENGTH = 8;

/**
 * A version id as the panel shows it: whole when short (the "null" version), else its first
 * SHORT_LENGTH characters (the full id is in the title). Version ids are opaque: nothing is
 * dropped or decoded but the tail.
 */
export function shortVersionId(versionId: string): string {
  const chars = Array.from(versionId);
  return chars.length <= WHOLE_UP_TO ? versionId : chars.slice(0, SHORT_LENGTH).join('');
}

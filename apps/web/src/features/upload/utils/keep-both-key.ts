/**
 * "docs/report.pdf" with n = 2 -> "docs/report (2).pdf". A leading dot is part of the name
 * (".env" -> ".env (1)"), and only the last segment changes.
 */
export function keepBothKey(key: string, n: number): string {
  const slash = key.lastIndexOf('/');
  const folder = key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const suffix = ` (${String(n)})`;
  if (dot <= 0) return `${folder}${name}${suffix}`;
  return `${folder}${name.slice(0, dot)}${suffix}${name.slice(dot)}`;
}

/** Binary multiples, as the app shows sizes (formatBytes): 1 KB = 1,024 bytes. */
const UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

export type SizeText = { bytes: number | undefined } | { problem: string };

/**
 * A typed size → whole bytes: "500" (bytes), "10 KB", "1.5gb", "2 MiB", "3G"; empty → none.
 * A plain decimal number and an optional unit, binary multiples; rounded down to a byte.
 */
export function parseSizeText(text: string): SizeText {
  const value = text.trim();
  if (value === '') return { bytes: undefined };
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(value);
  if (!m) return { problem: 'Enter a size such as 500, 10 KB or 1.5 GB' };
  const unit = (m[2] ?? '').toLowerCase();
  const multiple = unit === '' ? 1 : UNITS[unit];
  if (multiple === undefined)
    return { problem: `Unknown unit "${m[2] ?? ''}": use B, KB, MB, GB or TB` };
  const bytes = Math.floor(Number(m[1]) * multiple);
  if (!Number.isSafeInteger(bytes)) return { problem: 'This size is too large' };
  return { bytes };
}

const SHOWN: [string, number][] = [
  ['TB', 1024 ** 4],
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['KB', 1024],
];

/** Bytes (from the URL) as the box shows them: the largest unit that divides them exactly. */
export function formatSizeText(bytes: string | undefined): string {
  if (bytes === undefined) return '';
  const n = Number(bytes);
  if (!Number.isSafeInteger(n) || n <= 0) return bytes;
  for (const [unit, multiple] of SHOWN) {
    if (n % multiple === 0) return `${String(n / multiple)} ${unit}`;
  }
  return String(n);
}

/** The units of the upload link's size limits: binary multiples, as the app shows sizes. */
export const SIZE_UNITS = { MB: 1024 ** 2, GB: 1024 ** 3 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

export type SizeResult = { bytes: number | undefined } | { problem: string };

/**
 * A typed limit ("10", "1.5") in a unit → whole bytes; empty → no limit. At least one byte,
 * a plain decimal number (no "1e3", no "-1").
 */
export function limitBytes(text: string, unit: SizeUnit): SizeResult {
  const value = text.trim();
  if (value === '') return { bytes: undefined };
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value)) return { problem: 'Enter a number, such as 10 or 1.5' };
  const bytes = Math.floor(Number(value) * SIZE_UNITS[unit]);
  if (bytes < 1) return { problem: 'A limit is more than 0' };
  if (!Number.isSafeInteger(bytes)) return { problem: 'This limit is too large' };
  return { bytes };
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
const countFormat = new Intl.NumberFormat('en-US');
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/** 1536 -> "1.5 KB" (binary multiples, as S3 consoles show them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? 'B'}`;
}

/** 1234567 -> "1,234,567 bytes". */
export function formatExactBytes(bytes: number): string {
  return `${countFormat.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export function formatCount(n: number): string {
  return countFormat.format(n);
}

function parseDate(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A compact local date and time for listings; "—" when unknown. */
export function formatDate(iso: string | null): string {
  const date = parseDate(iso);
  return date ? dateFormat.format(date) : '—';
}

/** Date and time to the second, for the details panel. Falls back to the raw value. */
export function formatDateTime(iso: string | null): string {
  const date = parseDate(iso);
  if (!date) return iso ?? '—';
  return dateTimeFormat.format(date);
}

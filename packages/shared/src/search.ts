import { z } from 'zod';
import { bucketPath } from './api-paths.js';
import { KeyPrefixSchema } from './common.js';

/**
 * Find (issue 20): a bucket or folder searched recursively by name, size and date, streamed as
 * the store lists it. No index: the API walks ListObjectsV2 (no delimiter, 1,000 keys a page)
 * and filters each page as it arrives. What matches is decided by `search-match.ts`, the one
 * rule the API and the web app's instant filter share.
 */

/** Matches that end a search (`truncated: true`) when no `limit` is given. */
export const SEARCH_LIMIT_DEFAULT = 10_000;
/** The API's cap on `limit`. */
export const SEARCH_LIMIT_MAX = 100_000;
/** A progress line is written at least this often while the scan goes on. */
export const SEARCH_PROGRESS_MS = 1000;

const flag = (name: string) =>
  z
    .enum(['0', '1', 'true', 'false'], { message: `${name} is 1 or 0` })
    .transform((v) => v === '1' || v === 'true');

const size = (name: string) =>
  z.coerce
    .number({ message: `${name} is a number of bytes` })
    .int(`${name} is a whole number of bytes`)
    .nonnegative(`${name} is at least 0`)
    .max(Number.MAX_SAFE_INTEGER, `${name} is too large`);

/** A date (`2026-12-01`, UTC midnight) or a date and time (ISO 8601). */
const date = (name: string) =>
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
      `${name} is a date (2026-12-01) or an ISO 8601 date and time`,
    )
    .refine((s) => !Number.isNaN(Date.parse(s)), `${name} is not a real date`);

/**
 * `GET /api/buckets/:bucket/search?prefix=p/&q=…[&glob=1][&matchCase=1][&minSize=&maxSize=]
 * [&modifiedAfter=&modifiedBefore=][&limit=]`. An empty `q` matches every key (the filters
 * alone decide). Bad input is a 400 naming the parameter, before anything is listed.
 */
export const SearchQuerySchema = z
  .object({
    prefix: KeyPrefixSchema.default(''),
    q: z.string().max(1024, 'q is at most 1,024 characters').default(''),
    /** `q` is a glob (`*.csv`, `report?.pdf`, `2024-*` and `**` across folders), else a substring. */
    glob: flag('glob').optional(),
    /** Case-sensitive; by default a search ignores case. */
    matchCase: flag('matchCase').optional(),
    minSize: size('minSize').optional(),
    maxSize: size('maxSize').optional(),
    /** Modified at or after this (inclusive). */
    modifiedAfter: date('modifiedAfter').optional(),
    /** Modified before this (exclusive). */
    modifiedBefore: date('modifiedBefore').optional(),
    limit: z.coerce
      .number()
      .int('limit is a whole number')
      .min(1, 'limit is at least 1')
      .max(SEARCH_LIMIT_MAX, `limit is at most ${SEARCH_LIMIT_MAX}`)
      .default(SEARCH_LIMIT_DEFAULT),
  })
  .refine((v) => v.minSize === undefined || v.maxSize === undefined || v.minSize <= v.maxSize, {
    message: 'minSize is larger than maxSize',
    path: ['minSize'],
  })
  .refine(
    (v) =>
      !v.modifiedAfter ||
      !v.modifiedBefore ||
      Date.parse(v.modifiedAfter) < Date.parse(v.modifiedBefore),
    { message: 'modifiedAfter is not before modifiedBefore', path: ['modifiedAfter'] },
  );
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** A match: the full key (not relative to the prefix). */
export const SearchMatchLineSchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  lastModified: z.string().nullable(),
  etag: z.string().nullable(),
});
export type SearchMatchLine = z.infer<typeof SearchMatchLineSchema>;

/** Keys listed so far: at least every SEARCH_PROGRESS_MS while the scan goes on. */
export const SearchProgressLineSchema = z.object({ scanned: z.number().int().nonnegative() });
export type SearchProgressLine = z.infer<typeof SearchProgressLineSchema>;

/**
 * The last line. `truncated`: the scan stopped at `limit` matches (more may exist). `error`:
 * the store failed after the stream started (before, the answer is an ordinary error).
 */
export const SearchDoneLineSchema = z.object({
  done: z.literal(true),
  scanned: z.number().int().nonnegative(),
  matches: z.number().int().nonnegative(),
  truncated: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type SearchDoneLine = z.infer<typeof SearchDoneLineSchema>;

export const SearchLineSchema = z.union([
  SearchDoneLineSchema,
  SearchMatchLineSchema,
  SearchProgressLineSchema,
]);
export type SearchLine = z.infer<typeof SearchLineSchema>;

/** The search's URL: only the parameters given (the web app's URL holds the same names). */
export function searchUrl(bucket: string, query: Partial<Record<keyof SearchQuery, unknown>>) {
  const params = Object.entries(query).flatMap(([k, v]) =>
    v === undefined || v === '' || v === false
      ? []
      : [`${k}=${encodeURIComponent(v === true ? '1' : String(v))}`],
  );
  return `${bucketPath(bucket)}/search${params.length ? `?${params.join('&')}` : ''}`;
}

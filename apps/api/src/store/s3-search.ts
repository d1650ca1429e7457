import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { searchMatcher, type SearchMatchLine, type SearchQuery } from '@stowage/shared';
import type { S3Context } from './s3-context.js';
import type { ListPage } from './s3-list-reader.js';

/** Keys a ListObjectsV2 page of a search asks for (S3's most). */
export const SEARCH_PAGE_KEYS = 1000;

export interface SearchOptions {
  /** Aborted when the client goes away: no further ListObjectsV2 is sent. */
  signal?: AbortSignal | undefined;
  /** A folder ("…/") whose keys are not searched nor counted (the link records' folder). */
  skip?: string | undefined;
}

/** What one listed page gave: the matches in it, and the totals so far. */
export interface SearchPage {
  matches: SearchMatchLine[];
  /** Keys examined so far (the link records' folder not counted). */
  scanned: number;
  /** Matches so far, these included. */
  matched: number;
  /** The scan stopped at `limit` matches with keys left unexamined: more may match. */
  truncated: boolean;
}

/**
 * A search (issue 20, ADR 0013): ListObjectsV2 from `prefix` without a delimiter, 1,000 keys a
 * page, each page filtered by `searchMatcher` (the one rule the web app shares) as it arrives.
 * The next page is asked for as soon as a page arrives, while the caller writes this one: one
 * page ahead and no more, so memory is two pages whatever the bucket. The generator ends after
 * the last page, at `limit` matches (that page's `truncated` says whether keys were left), or
 * when `signal` aborts (no request is sent after it; the one in flight is let go). A failure
 * before the first page (no such bucket, refused) is thrown from the first `next()`.
 */
export async function* searchObjects(
  ctx: S3Context,
  bucket: string,
  query: SearchQuery,
  options: SearchOptions = {},
): AsyncGenerator<SearchPage, void, undefined> {
  const { signal, skip } = options;
  const matches = searchMatcher(query);
  const list = (cursor: string | undefined): Promise<ListPage> =>
    ctx.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: query.prefix || undefined,
        MaxKeys: SEARCH_PAGE_KEYS,
        ContinuationToken: cursor,
      }),
    );
  let scanned = 0;
  let matched = 0;
  let next: Promise<ListPage> | undefined = list(undefined);
  try {
    while (next) {
      const page: ListPage = await next;
      next = undefined;
      const cursor = page.IsTruncated ? page.NextContinuationToken : undefined;
      // One page ahead: asked for now, read while this page is filtered and written.
      if (cursor && !signal?.aborted) next = list(cursor);
      const contents = page.Contents ?? [];
      const found: SearchMatchLine[] = [];
      let truncated = false;
      for (let i = 0; i < contents.length; i += 1) {
        const o = contents[i]!;
        const key = o.Key ?? '';
        if (skip && key.startsWith(skip)) continue;
        scanned += 1;
        const candidate = {
          key,
          size: o.Size ?? 0,
          lastModified: o.LastModified ? o.LastModified.toISOString() : null,
        };
        if (!matches(candidate)) continue;
        found.push({ ...candidate, etag: o.ETag ?? null });
        matched += 1;
        if (matched >= query.limit) {
          const rest = contents.slice(i + 1);
          truncated = cursor !== undefined || rest.some((r) => !skip || !r.Key?.startsWith(skip));
          break;
        }
      }
      yield { matches: found, scanned, matched, truncated };
      if (matched >= query.limit || signal?.aborted) return;
    }
  } finally {
    // A page asked for and not read (stopped at the limit, or the caller left): let it go.
    next?.catch(() => {});
  }
}

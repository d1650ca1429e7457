/**
 * Whether a bucket's CORS lets a page send presigned UploadPart PUTs straight to the store and
 * read the part's ETag (the direct transport of big uploads, issue 22). Pure: the rules as
 * GetBucketCors answers them, evaluated as S3 does — the first rule whose origin, method and
 * headers all match is the one applied, and its ExposeHeaders must name ETag.
 */

export interface CorsRule {
  AllowedOrigins?: string[] | undefined;
  AllowedMethods?: string[] | undefined;
  AllowedHeaders?: string[] | undefined;
  ExposeHeaders?: string[] | undefined;
}

export interface DirectPutRequest {
  /** The page's origin, e.g. "https://stowage.example.com". */
  origin: string;
  /** The request headers the browser sends (lower or any case), beyond the CORS-safelisted. */
  headers: readonly string[];
}

export type CorsVerdict = { ok: true } | { ok: false; why: string };

/** S3's matching: case-insensitive, at most one "*" standing for any run of characters. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  if (tail.includes('*')) {
    // More than one "*": S3 refuses such a rule when it is put; match nothing.
    return false;
  }
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

const matchesAny = (patterns: readonly string[] | undefined, value: string) =>
  (patterns ?? []).some((p) => wildcardMatch(p.trim(), value));

/** The verdict for PUT from `request.origin` with `request.headers`, exposing ETag. */
export function corsAllowsDirectPut(
  rules: readonly CorsRule[] | null | undefined,
  request: DirectPutRequest,
): CorsVerdict {
  if (!rules || rules.length === 0) {
    return { ok: false, why: 'the bucket has no CORS configuration' };
  }
  const applied = rules.find(
    (r) =>
      matchesAny(r.AllowedOrigins, request.origin) &&
      (r.AllowedMethods ?? []).some((m) => m.trim().toUpperCase() === 'PUT') &&
      request.headers.every((h) => matchesAny(r.AllowedHeaders, h)),
  );
  if (!applied) {
    const wanted = request.headers.length ? ` with ${request.headers.join(', ')}` : '';
    return {
      ok: false,
      why: `the bucket's CORS does not allow PUT from ${request.origin}${wanted}`,
    };
  }
  const exposesEtag = (applied.ExposeHeaders ?? []).some((h) => h.trim().toLowerCase() === 'etag');
  if (!exposesEtag) {
    return { ok: false, why: "the bucket's CORS does not expose the ETag header" };
  }
  return { ok: true };
}

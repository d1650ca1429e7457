import type { FastifyRequest } from 'fastify';
import type { UploadTransport } from '@stowage/shared';
import { ownOrigin } from '../auth/csrf.js';
import { HttpError } from '../errors.js';
import { corsAllowsDirectPut, type CorsRule } from './direct-cors.js';

/**
 * Which transport a big upload's parts take (issue 22; README "Big uploads in the browser"):
 * direct only where the profile says `uploadTransport: "direct"`, the connection signs with SigV4
 * (presigned URLs) and the bucket's CORS lets the page's origin PUT with Content-MD5 and read
 * ETag; else relay, with the reason the transfer panel shows.
 */

/** The headers a direct part PUT carries beyond the safelisted ones (no Content-Type: none sent). */
export const DIRECT_PUT_HEADERS = ['content-md5'] as const;

/** How long a bucket's CORS, as read, is trusted: a change shows within this. */
export const CORS_CACHE_MS = 30_000;

type CorsRead = { rules: CorsRule[] | null; at: number };
const corsCache = new Map<string, CorsRead>();
const MAX_CACHED = 1000;

/**
 * The page's origin: the origin the request was sent to (scheme and Host, as the CSRF check
 * reads them) — a state-changing call from any other origin was refused already (auth/csrf.ts).
 */
export const pageOrigin = (request: FastifyRequest): string => ownOrigin(request);

const relay = (reason: UploadTransport['reason'], message: string): UploadTransport => ({
  mode: 'relay',
  reason,
  message,
});

/** The bucket's CORS rules (null: none set), from the cache when read within CORS_CACHE_MS. */
async function corsRules(request: FastifyRequest, bucket: string): Promise<CorsRule[] | null> {
  const profile = request.identity!.profile;
  const id = `${profile.name}\0${profile.connection.endpoint ?? ''}\0${bucket}`;
  const now = Date.now();
  const cached = corsCache.get(id);
  if (cached && now - cached.at < CORS_CACHE_MS) return cached.rules;
  let rules: CorsRule[] | null;
  try {
    const doc = await request.objectStore.getBucketSetting(bucket, 'cors');
    rules = (doc as { CORSRules?: CorsRule[] }).CORSRules ?? [];
  } catch (err) {
    if (!(err instanceof HttpError && err.code === 'NotConfigured')) throw err;
    rules = null;
  }
  if (corsCache.size >= MAX_CACHED) corsCache.clear();
  corsCache.set(id, { rules, at: now });
  return rules;
}

/** Forgets what was read of a bucket's CORS (after Stowage itself changed it). */
export function forgetCors(profileName: string, bucket: string) {
  for (const id of corsCache.keys()) {
    if (id.startsWith(`${profileName}\0`) && id.endsWith(`\0${bucket}`)) corsCache.delete(id);
  }
}

/** The transport the create answer offers for `bucket` to the page that asks. */
export async function uploadTransportFor(
  request: FastifyRequest,
  bucket: string,
): Promise<UploadTransport> {
  const profile = request.identity!.profile;
  if ((profile.uploadTransport ?? 'relay') !== 'direct') {
    return relay('profile', 'this profile sends parts through the Stowage server');
  }
  if (profile.connection.signatureVersion !== 'v4') {
    return relay('sigv2', 'the connection signs with SigV2; presigned part URLs need SigV4');
  }
  let rules: CorsRule[] | null;
  try {
    rules = await corsRules(request, bucket);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return relay('cors-unreadable', `the bucket's CORS cannot be read (${why})`);
  }
  const origin = pageOrigin(request);
  const verdict = corsAllowsDirectPut(rules, { origin, headers: DIRECT_PUT_HEADERS });
  if (!verdict.ok) return relay('cors', verdict.why);
  return { mode: 'direct', message: `the bucket's CORS lets ${origin} send parts to the store` };
}

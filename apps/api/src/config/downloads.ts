import type { Profile } from './profiles.js';

/**
 * Where the content route sends a browser for an object's bytes (profiles file `downloads`,
 * `STOWAGE_DOWNLOADS`; README "Downloads: relay or redirect"): "relay" streams them through
 * Stowage; "redirect" answers 302 to a presigned GetObject URL valid REDIRECT_URL_SECONDS, so
 * the bytes go from the store to the browser. Share links (routes/public) always relay.
 */

/** How long a redirect's presigned URL is valid: long enough to start, short enough to leak little. */
export const REDIRECT_URL_SECONDS = 300;

/**
 * Why a profile that asks for redirect relays instead, or undefined when it redirects. SigV2:
 * whether a store takes SigV2 query-string signatures cannot be told from the configuration
 * (Ceph RGW does; AWS S3 refuses SigV2 in every region opened since 2014, and everywhere for
 * new buckets since 2020), and the quirks say nothing of it, so a SigV2 profile relays and the
 * server says so at start (server.ts).
 */
export function redirectRefusal(profile: Profile): string | undefined {
  if ((profile.downloads ?? 'relay') !== 'redirect') return undefined;
  if (profile.connection.signatureVersion !== 'v4') {
    return (
      `profile "${profile.name}": downloads "redirect" needs SigV4 presigned URLs, and this ` +
      'profile signs with SigV2 (a store may refuse SigV2 presigned requests, and Stowage ' +
      'cannot tell which do): its downloads go through Stowage (relay)'
    );
  }
  return undefined;
}

/** The profile's downloads redirect to the store. */
export const redirectsDownloads = (profile: Profile) =>
  profile.downloads === 'redirect' && redirectRefusal(profile) === undefined;

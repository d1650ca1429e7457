import type {
  Credentials,
  CredentialsProvider,
  StoreConfig,
  StoreConnection,
} from './connection.js';

/**
 * A named store the browser may choose (by name only). With `serverKeys` the operator holds
 * the keys and users sign in with the dashboard password; without, users sign in with their
 * own S3 keys, which the store checks.
 */
export interface Profile {
  name: string;
  connection: StoreConnection;
  serverKeys: Credentials | undefined;
  passwordHash: string | undefined;
  /** Only these buckets are listed and reachable; undefined means all the keys can see. */
  buckets: string[] | undefined;
  readOnly: boolean;
  /** May read the audit log (GET /api/audit, the Activity page): profiles file `admin`. */
  admin?: boolean;
  /** Share links on this profile (links/README.md). */
  links: ProfileLinks;
  /**
   * Big uploads from the browser: "direct" offers presigned part URLs where the connection
   * (SigV4) and the bucket's CORS allow it; "relay" (default) sends every part through Stowage.
   */
  uploadTransport?: 'relay' | 'direct';
  /**
   * How the content route serves an object's bytes: "relay" (default) streams them through
   * Stowage; "redirect" answers 302 to a short-lived presigned GetObject URL (SigV4 connections
   * only: config/downloads.ts says why a SigV2 one relays).
   */
  downloads?: 'relay' | 'redirect';
}

/** Where link records live by default: a hidden folder of the shared object's own bucket. */
export const DEFAULT_LINK_PREFIX = '.stowage/links/';

/** A profile's share-link settings (profiles file `links`, or the STOWAGE_LINK_* variables). */
export interface ProfileLinks {
  /** The mode the Share dialog preselects. */
  defaultMode: 'direct' | 'relay';
  /**
   * The keys relay and upload links are served with (no session is there to lend its own): the
   * profile's server-held keys, the embedded store's, or the profile's `links` keys. Undefined:
   * this profile makes direct links only.
   */
  keys: Credentials | undefined;
  /**
   * A bucket that keeps every link record (at `prefix + <bucket>/<id>.json`); undefined: each
   * bucket keeps its own links' records (at `prefix + <id>.json`).
   */
  bucket: string | undefined;
  /** The records' folder ("…/"); hidden from listings. */
  prefix: string;
}

export const storeConfigFor = (
  profile: Profile,
  keys: Credentials | CredentialsProvider,
): StoreConfig => ({
  ...profile.connection,
  ...(typeof keys === 'function'
    ? { accessKeyId: '', secretAccessKey: '', credentialsProvider: keys }
    : keys),
  bucketAllowlist: profile.buckets,
});

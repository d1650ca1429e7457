import type { Credentials } from '../config/connection.js';

/**
 * The embedded store's documented demo keys (s3rver's own defaults), its keys unless
 * STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY set others. The store
 * checks SigV4 signatures: only holders of its keys can use it.
 */
export const DEMO_EMBEDDED_KEYS: Readonly<Credentials> = {
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
};

export const isDemoEmbeddedKeys = (keys: Credentials) =>
  keys.accessKeyId === DEMO_EMBEDDED_KEYS.accessKeyId &&
  keys.secretAccessKey === DEMO_EMBEDDED_KEYS.secretAccessKey;

/** What a start on the embedded store says to sign in with: an operator's secret is never shown. */
export function embeddedSignInHint(keys: Credentials): string {
  return isDemoEmbeddedKeys(keys)
    ? `Sign in with access key ${keys.accessKeyId} and secret key ${keys.secretAccessKey} (the embedded store's keys)`
    : `Sign in with access key ${keys.accessKeyId} and the secret key set in STOWAGE_EMBEDDED_SECRET_ACCESS_KEY (the embedded store's keys)`;
}

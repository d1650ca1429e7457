import { DEMO_EMBEDDED_KEYS } from '../embedded/keys.js';
import { ENV_PROFILE } from './access.js';
import type { ConnectionEntry, Credentials } from './connection.js';
import type { Env } from './env-schema.js';
import type { ProfileFileEntry } from './profiles-file.js';

/** The environment's own store, as the rest of the configuration reads it. */

export const endpointOf = (e: Env) => e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL;

/** Nothing configured: no endpoint, no keys, no profiles file. */
export const isEmbedded = (e: Env) =>
  endpointOf(e) === undefined && e.AWS_ACCESS_KEY_ID === undefined && !e.STOWAGE_PROFILES_FILE;

export const embeddedKeysOf = (e: Env): Credentials =>
  e.STOWAGE_EMBEDDED_ACCESS_KEY_ID && e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY
    ? {
        accessKeyId: e.STOWAGE_EMBEDDED_ACCESS_KEY_ID,
        secretAccessKey: e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY,
      }
    : DEMO_EMBEDDED_KEYS;

/** The environment's store, read as one entry of a profiles file. */
export function envEntry(e: Env): ProfileFileEntry & ConnectionEntry {
  return {
    name: ENV_PROFILE,
    endpoint: endpointOf(e),
    accessKeyId: e.AWS_ACCESS_KEY_ID,
    secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
    passwordHash: e.STOWAGE_PASSWORD_HASH,
    embedded: isEmbedded(e),
  };
}

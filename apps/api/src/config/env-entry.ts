import { DEMO_EMBEDDED_KEYS } from '../embedded/keys.js';
import { ENV_PROFILE } from './access.js';
import type { ConnectionEntry, Credentials } from './connection.js';
import { PROFILE_LINK_VARIABLES, type Env } from './env-schema.js';
import type { ProfileFileEntry, ProfileLinksEntry } from './profiles-file.js';

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
    admin: e.STOWAGE_ADMIN,
    links: envLinks(e),
    uploadTransport: e.STOWAGE_UPLOAD_TRANSPORT,
    downloads: e.STOWAGE_DOWNLOADS,
  };
}

/** The STOWAGE_LINK_* variables set (they are the environment's profile's, see envLinks). */
export const profileLinkVariablesSet = (e: Env) => PROFILE_LINK_VARIABLES.filter((v) => e[v]);

/** STOWAGE_LINK_MODE, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY, _BUCKET, _PREFIX: a file's `links`. */
function envLinks(e: Env): ProfileLinksEntry | undefined {
  if (profileLinkVariablesSet(e).length === 0) return undefined;
  return {
    defaultMode: e.STOWAGE_LINK_MODE,
    accessKeyId: e.STOWAGE_LINK_ACCESS_KEY_ID,
    secretAccessKey: e.STOWAGE_LINK_SECRET_ACCESS_KEY,
    bucket: e.STOWAGE_LINK_BUCKET,
    prefix: e.STOWAGE_LINK_PREFIX,
  };
}

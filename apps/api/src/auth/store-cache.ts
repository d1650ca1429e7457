import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { S3Store } from '../store/s3-store.js';
import type { AroundSend } from '../store/s3-send-hooks.js';
import { storeConfigFor, type Profile } from '../config/profiles.js';
import type { Credentials } from '../config/connection.js';
import type { WebIdentityCredentials, WebIdentityTarget } from '../store/s3-web-identity.js';
import type { PassthroughIdentity } from './identity.js';

/**
 * The secret's hash, once per key pair object: the server's own keys (auth off, a profile's
 * serverKeys) are one object for every request, so no sha256 per request for them (ADR 0002).
 */
const hashes = new WeakMap<Credentials, { of: string; hash: string }>();
function secretHash(keys: Credentials): string {
  const known = hashes.get(keys);
  // (The object's own secret, compared: a pair changed in place is hashed again.)
  if (known?.of === keys.secretAccessKey) return known.hash;
  const hash = createHash('sha256').update(keys.secretAccessKey).digest('hex');
  hashes.set(keys, { of: keys.secretAccessKey, hash });
  return hash;
}

/** A passthrough store's key starts with this and its session's id (`forgetSession`). */
const PASSTHROUGH = 'sts\0';

/**
 * One S3Store (one SDK client, one connection pool) per profile and key pair, reused across
 * requests (and allowlist: an SSO role's narrows the profile's); the least recently used is destroyed beyond `max` (lru-cache). The key holds a
 * hash of the secret, never the secret itself.
 */
export class StoreCache {
  private readonly stores: LRUCache<string, S3Store>;

  /** `watch`: runs around every call of every store made here (metrics); none when omitted. */
  constructor(
    max = 64,
    private readonly watch?: AroundSend,
  ) {
    this.stores = new LRUCache({ max, dispose: (store) => store.destroy() });
  }

  private watched(store: S3Store): S3Store {
    if (this.watch) store.aroundSends(this.watch);
    return store;
  }

  get(profile: Profile, keys: Credentials): S3Store {
    // The allowlist too: an SSO role narrows its profile's (auth/identity.ts).
    const id = [
      profile.name,
      profile.buckets ? profile.buckets.join('\n') : '*',
      keys.accessKeyId,
      secretHash(keys),
    ].join('\0');
    let store = this.stores.get(id);
    if (!store) {
      store = this.watched(new S3Store(storeConfigFor(profile, keys)));
      this.stores.set(id, store);
    }
    return store;
  }

  /**
   * An identity passthrough's store: its own per session and role (never shared across people),
   * whose every request asks `sts` for the session's temporary credentials.
   */
  getPassthrough(profile: Profile, who: PassthroughIdentity, sts: WebIdentityCredentials): S3Store {
    const id = [
      `${PASSTHROUGH}${who.sessionKey}`,
      profile.name,
      profile.buckets ? profile.buckets.join('\n') : '*',
      who.roleArn,
    ].join('\0');
    let store = this.stores.get(id);
    if (!store) {
      const c = profile.connection;
      const target: WebIdentityTarget = {
        endpoint: c.endpoint,
        region: c.region,
        roleArn: who.roleArn,
        durationSeconds: who.durationSeconds,
        tlsVerify: c.tlsVerify,
        caBundlePath: c.caBundlePath,
        connectTimeoutMs: c.connectTimeoutMs,
        requestTimeoutMs: c.requestTimeoutMs,
      };
      const { sessionKey, subject, idToken } = who;
      const credentials = sts.provider(target, { sessionKey, subject, idToken: () => idToken });
      store = this.watched(new S3Store(storeConfigFor(profile, credentials)));
      this.stores.set(id, store);
    }
    return store;
  }

  /** Drops (destroys) a session's passthrough stores: sign-out, session end. */
  forgetSession(sessionKey: string): void {
    const prefix = `${PASSTHROUGH}${sessionKey}\0`;
    for (const id of [...this.stores.keys()]) {
      if (id.startsWith(prefix)) this.stores.delete(id);
    }
  }

  get size(): number {
    return this.stores.size;
  }

  destroy(): void {
    this.stores.clear();
  }
}

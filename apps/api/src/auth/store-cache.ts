import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { S3Store } from '../store/s3-store.js';
import { storeConfigFor, type Profile } from '../config/profiles.js';
import type { Credentials } from '../config/connection.js';

/**
 * One S3Store (one SDK client, one connection pool) per profile and key pair, reused across
 * requests (and allowlist: an SSO role's narrows the profile's); the least recently used is destroyed beyond `max` (lru-cache). The key holds a
 * hash of the secret, never the secret itself.
 */
export class StoreCache {
  private readonly stores: LRUCache<string, S3Store>;

  constructor(max = 64) {
    this.stores = new LRUCache({ max, dispose: (store) => store.destroy() });
  }

  get(profile: Profile, keys: Credentials): S3Store {
    // The allowlist too: an SSO role narrows its profile's (auth/identity.ts).
    const id = [
      profile.name,
      profile.buckets ? profile.buckets.join('\n') : '*',
      keys.accessKeyId,
      createHash('sha256').update(keys.secretAccessKey).digest('hex'),
    ].join('\0');
    let store = this.stores.get(id);
    if (!store) {
      store = new S3Store(storeConfigFor(profile, keys));
      this.stores.set(id, store);
    }
    return store;
  }

  get size(): number {
    return this.stores.size;
  }

  destroy(): void {
    this.stores.clear();
  }
}

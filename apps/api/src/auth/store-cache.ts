import { createHash } from 'node:crypto';
import { S3Store } from '../store/s3-store.js';
import { storeConfigFor, type Profile } from '../config/profiles.js';
import { type Credentials } from '../config/connection.js';

/**
 * One S3Store (one SDK client, one connection pool) per profile and key pair, reused across
 * requests; the least recently used is destroyed beyond `max`. The key holds a hash of the
 * secret, never the secret itself.
 */
export class StoreCache {
  private readonly stores = new Map<string, S3Store>();

  constructor(private readonly max = 64) {}

  get(profile: Profile, keys: Credentials): S3Store {
    const id = [
      profile.name,
      keys.accessKeyId,
      createHash('sha256').update(keys.secretAccessKey).digest('hex'),
    ].join('\0');
    let store = this.stores.get(id);
    if (store) {
      this.stores.delete(id); // re-inserted below: Map order is the LRU order
    } else {
      store = new S3Store(storeConfigFor(profile, keys));
    }
    this.stores.set(id, store);
    for (const [oldId, old] of this.stores) {
      if (this.stores.size <= this.max) break;
      this.stores.delete(oldId);
      old.destroy();
    }
    return store;
  }

  get size(): number {
    return this.stores.size;
  }

  destroy(): void {
    for (const store of this.stores.values()) store.destroy();
    this.stores.clear();
  }
}

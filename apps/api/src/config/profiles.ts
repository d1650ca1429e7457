import type { Credentials, StoreConfig, StoreConnection } from './connection.js';

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
}

export const storeConfigFor = (profile: Profile, keys: Credentials): StoreConfig => ({
  ...profile.connection,
  ...keys,
  bucketAllowlist: profile.buckets,
});

import type { S3Client } from '@aws-sdk/client-s3';
import type { StoreConfig } from '../config/connection.js';
import { keyError, keyPolicyOf, type KeyPolicy } from './key-policy.js';
import { mapS3Error } from './s3-errors.js';

/**
 * What the seam's helpers (s3-bulk.ts, s3-metadata-edit.ts…) get instead of the store itself:
 * the connection, its key policy, and a `send` whose failures always leave as a mapped
 * HttpError — there is no other way to the client, so no path can skip the mapping.
 */
export interface S3Context {
  readonly config: StoreConfig;
  readonly keyPolicy: KeyPolicy;
  /** The endpoint, or "AWS S3 (region)", as messages name the store. */
  readonly endpointLabel: string;
  /** One command to the store; its failure leaves mapped (s3-errors.ts). */
  readonly send: S3Client['send'];
  /**
   * For the SDK helpers that drive the client themselves (the presigner):
   * their failures leave mapped too.
   */
  withClient<T>(fn: (client: S3Client) => Promise<T>): Promise<T>;
  /** Throws the 400 this connection answers a key it will not send (key-policy.ts). */
  checkKey(key: string): void;
}

export function createS3Context(client: S3Client, config: StoreConfig): S3Context {
  const endpointLabel = config.endpoint ?? `AWS S3 (${config.region})`;
  const keyPolicy = keyPolicyOf(config);
  const withClient = async <T>(fn: (c: S3Client) => Promise<T>): Promise<T> => {
    try {
      return await fn(client);
    } catch (err) {
      throw mapS3Error(err, endpointLabel, config);
    }
  };
  // The options too: an `abortSignal` stops a command whose client has gone (a relayed part).
  // Without options the SDK reuses the command class's resolved middleware (`cacheMiddleware`);
  // any options object, even `{}`, makes it resolve the whole stack again for that request
  // (measured 2026-12-07: ~0.3 ms of API CPU per details request on an idle machine).
  const send = ((
    command: Parameters<S3Client['send']>[0],
    options?: { abortSignal?: AbortSignal },
  ) =>
    withClient((c) => (options ? c.send(command, options) : c.send(command)))) as S3Client['send'];
  return {
    config,
    keyPolicy,
    endpointLabel,
    send,
    withClient,
    checkKey(key) {
      const refused = keyError(key, keyPolicy);
      if (refused) throw refused;
    },
  };
}

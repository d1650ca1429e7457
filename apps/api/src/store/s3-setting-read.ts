import { HttpError } from '../errors.js';
import { rootElementOf } from './s3-capabilities.js';
import type { S3Context } from './s3-context.js';
import type { ReplyReader } from './s3-reply-readers.js';

/**
 * How every bucket-settings read is made safe (s3-bucket-setting-docs.ts): each GET's reply
 * carries its XML root element, so a store that answered the sub-resource as another request
 * (a bucket listing) is told apart from one that has the setting; "never configured" is `null`,
 * and a store without the API is a NotSupported that names the setting.
 */
/** The root element of every settings GET's reply, for `expectRoot`. */
export const settingRootReader: ReplyReader = {
  read: (text) => ({ XmlRoot: rootElementOf(text) }),
};

/** The command names whose replies `settingRootReader` reads (s3-client.ts installs them). */
export const SETTING_READ_COMMANDS = [
  'GetBucketLifecycleConfigurationCommand',
  'GetBucketCorsCommand',
  'GetBucketPolicyCommand',
  'GetBucketTaggingCommand',
  'GetBucketEncryptionCommand',
  'GetObjectLockConfigurationCommand',
] as const;

const unsupported = (ctx: S3Context, what: string, why: string) =>
  new HttpError(
    'NotSupported',
    `The store at ${ctx.endpointLabel} does not support the bucket's ${what} (${why})`,
    { store: { name: 'NotImplemented', status: 501 } },
  );

/** The reply was the document asked for (a policy is JSON: no XML root at all). */
export function expectRoot(ctx: S3Context, what: string, out: object, root: string) {
  const got = (out as { XmlRoot?: string }).XmlRoot ?? root;
  if (got !== root) throw unsupported(ctx, what, `it answered with a ${got || 'another'} document`);
}

/** A read: the document, `null` when never configured, NotSupported said about this setting. */
export async function reading<T>(ctx: S3Context, what: string, read: () => Promise<T | null>) {
  try {
    return await read();
  } catch (err) {
    if (err instanceof HttpError && err.code === 'NotConfigured') return null;
    if (err instanceof HttpError && err.code === 'NotSupported') {
      throw unsupported(ctx, what, err.store?.name || 'not implemented');
    }
    throw err;
  }
}

/** Drops undefined fields, so a document carries only what the store said. */
export const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
export const iso = (d: Date | undefined) => d?.toISOString();
export const date = (s: string | undefined) => (s === undefined ? undefined : new Date(s));
export const tag = (t: { Key?: string | undefined; Value?: string | undefined }) => ({
  Key: t.Key ?? '',
  Value: t.Value ?? '',
});

import type { SettingName } from '@stowage/shared';
import { badRequest, HttpError, notApplied } from '../errors.js';
import type { S3Context } from './s3-context.js';
import { SETTINGS_IO, type SettingDoc, type SettingIo } from './s3-bucket-setting-docs.js';

/**
 * `GET|PUT|DELETE /api/buckets/:bucket/settings/:name` (s3-bucket-setting-docs.ts has each
 * setting's commands). A write ends as house writes do (s3-metadata-edit.ts): a read first (the
 * store knows this setting — nothing is sent to a store that would take the request for
 * another, see there — and what to put back), the write, a read back compared by meaning
 * (bucket-settings-compare.ts). A store that accepted the document but kept another is a 502
 * StoreNotApplied, never a claimed success, and the previous setting is written back: a
 * lifecycle rule whose filter the store dropped would expire every object in the bucket.
 */
export async function getSetting(ctx: S3Context, bucket: string, name: SettingName) {
  const io = SETTINGS_IO[name];
  const doc = await io.read(ctx, bucket);
  if (doc === null) throw new HttpError('NotConfigured', `The bucket has no ${io.what}`);
  return doc;
}

export async function putSetting(
  ctx: S3Context,
  bucket: string,
  name: SettingName,
  doc: object,
): Promise<SettingDoc> {
  const io = SETTINGS_IO[name];
  if (!io.write) {
    throw badRequest(`The ${io.what} is chosen when the bucket is created; it cannot be changed`);
  }
  const before = await io.read(ctx, bucket);
  await io.write(ctx, bucket, doc);
  const after = await io.read(ctx, bucket);
  if (after !== null && io.same(doc, after)) return after;
  const restored = await restore(ctx, bucket, io, before);
  throw notApplied(
    `The store at ${ctx.endpointLabel} accepted the ${io.what} but ` +
      (after === null ? 'keeps none' : 'keeps a different one') +
      ` (it does not support part of it); ${restored}`,
  );
}

export async function deleteSetting(ctx: S3Context, bucket: string, name: SettingName) {
  const io = SETTINGS_IO[name];
  if (!io.remove) {
    throw badRequest(
      name === 'versioning'
        ? 'Versioning cannot be removed, only suspended: PUT { "Status": "Suspended" }'
        : `The ${io.what} is chosen when the bucket is created; it cannot be removed`,
    );
  }
  // The store knows this setting (or its DELETE could mean another request).
  await io.read(ctx, bucket);
  await io.remove(ctx, bucket);
  const after = await io.read(ctx, bucket);
  if (after !== null && !(name === 'tags' && isEmptyTagSet(after))) {
    throw notApplied(
      `The store at ${ctx.endpointLabel} accepted the removal of the ${io.what} but still has it`,
    );
  }
}

const isEmptyTagSet = (doc: object) => (doc as { TagSet: unknown[] }).TagSet.length === 0;

/** Puts the setting read before a write back; says what the bucket holds now. */
async function restore(ctx: S3Context, bucket: string, io: SettingIo, before: object | null) {
  try {
    // A bucket never versioned cannot be made so again (S3 only suspends).
    if (io.what === 'versioning' && before !== null && !('Status' in before)) {
      return 'versioning, once enabled, can only be suspended';
    }
    if (before === null) {
      if (!io.remove) return 'the bucket keeps what the store made of it';
      await io.remove(ctx, bucket);
    } else {
      await io.write!(ctx, bucket, before);
    }
    return `the previous ${io.what} was put back`;
  } catch {
    return `putting the previous ${io.what} back failed too: check the bucket's ${io.what}`;
  }
}

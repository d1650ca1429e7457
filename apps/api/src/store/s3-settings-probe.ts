import type { Capability, SettingName } from '@stowage/shared';
import { HttpError } from '../errors.js';
import { SETTINGS_IO } from './s3-bucket-setting-docs.js';
import { NO_BUCKET, type ProbeResult } from './s3-capabilities.js';
import type { S3Context } from './s3-context.js';

export interface SettingsProbes {
  lifecycle: Capability;
  cors: Capability;
  policy: Capability;
  bucketTagging: Capability;
  encryption: Capability;
  objectLock: Capability;
}

const PROBED: Record<keyof SettingsProbes, SettingName> = {
  lifecycle: 'lifecycle',
  cors: 'cors',
  policy: 'policy',
  bucketTagging: 'tags',
  encryption: 'encryption',
  objectLock: 'object-lock',
};

/**
 * Whether the store has each bucket settings API, from the settings' own GETs (harmless reads,
 * one each): a document or "not configured" means supported; 501/405, or a reply that is not the
 * document asked for (a bucket listing: Ceph 16's answer to ?encryption), unsupported; a refusal
 * or an outage cannot tell.
 */
export async function probeSettings(
  ctx: S3Context,
  bucket: string,
): Promise<ProbeResult<SettingsProbes>> {
  const entries = await Promise.all(
    Object.entries(PROBED).map(async ([field, name]) => [field, await probe(ctx, bucket, name)]),
  );
  if (entries.some(([, v]) => v === NO_BUCKET)) return NO_BUCKET;
  return Object.fromEntries(entries) as SettingsProbes;
}

async function probe(
  ctx: S3Context,
  bucket: string,
  name: SettingName,
): Promise<ProbeResult<Capability>> {
  try {
    await SETTINGS_IO[name].read(ctx, bucket);
    return 'supported';
  } catch (err) {
    if (err instanceof HttpError && err.code === 'NoSuchBucket') return NO_BUCKET;
    if (err instanceof HttpError && err.code === 'NotSupported') return 'unsupported';
    return 'unknown';
  }
}

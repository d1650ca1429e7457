import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BucketNameSchema, ProfileNameSchema } from '@stowage/shared';
import { parsePasswordHash } from './auth/password-hash.js';
import { readCaBundle } from './ca-bundle.js';
import { isAwsEndpoint, type StoreConfig } from './config.js';

/** How to reach a store: everything in StoreConfig but the keys (those come per session). */
export type StoreConnection = Omit<StoreConfig, 'accessKeyId' | 'secretAccessKey'>;
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

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

const ProfileFileEntrySchema = z.strictObject({
  name: ProfileNameSchema,
  endpoint: z
    .url({ message: 'endpoint must be an http(s) URL' })
    .regex(/^https?:\/\//i, 'endpoint must start with http:// or https://')
    .optional(),
  region: z.string().min(1).optional(),
  forcePathStyle: z.boolean().optional(),
  signatureVersion: z.enum(['v2', 'v4'], { message: 'signatureVersion is v2 or v4' }).optional(),
  tlsVerify: z.boolean().optional(),
  caBundle: z.string().min(1).optional(),
  accessKeyId: z.string().min(1).optional(),
  secretAccessKey: z.string().min(1).optional(),
  passwordHash: z.string().min(1).optional(),
  buckets: z.array(BucketNameSchema).min(1, 'buckets lists at least one bucket').optional(),
  readOnly: z.boolean().optional(),
});

const ProfilesFileSchema = z.strictObject({
  defaultProfile: ProfileNameSchema.optional(),
  profiles: z.array(ProfileFileEntrySchema).min(1, 'profiles lists at least one profile'),
});

export interface ProfilesResult {
  profiles: Profile[];
  defaultProfile: string;
}

/**
 * Reads STOWAGE_PROFILES_FILE. `defaults` is the connection the environment describes: every
 * field a profile leaves out (timeouts, checksum mode...) is taken from it. Every problem is
 * pushed to `problems`, prefixed with where it is.
 */
export function loadProfilesFile(
  file: string,
  defaults: StoreConnection,
  problems: string[],
): ProfilesResult | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    problems.push(`STOWAGE_PROFILES_FILE: cannot read ${file} as JSON (${why})`);
    return undefined;
  }
  const parsed = ProfilesFileSchema.safeParse(json);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.push(`${file}: ${where(json, i.path)}${i.message}`);
    return undefined;
  }
  const { profiles: entries, defaultProfile } = parsed.data;
  const seen = new Set<string>();
  const profiles = entries.map((p): Profile => {
    const at = `${file}: profile "${p.name}"`;
    if (seen.has(p.name)) problems.push(`${at} is defined twice`);
    seen.add(p.name);
    if (Boolean(p.accessKeyId) !== Boolean(p.secretAccessKey)) {
      problems.push(`${at}: accessKeyId and secretAccessKey go together`);
    }
    const aws = isAwsEndpoint(p.endpoint);
    const v2 = p.signatureVersion === 'v2';
    if (v2 && p.forcePathStyle === false) {
      problems.push(
        `${at}: signatureVersion "v2" needs path-style addressing: leave forcePathStyle out or set it true`,
      );
    }
    const caBundlePath = p.caBundle ? path.resolve(path.dirname(file), p.caBundle) : undefined;
    if (caBundlePath) {
      try {
        readCaBundle(caBundlePath, 'caBundle');
      } catch (err) {
        problems.push(`${at}: ${(err as Error).message}`);
      }
    }
    return {
      name: p.name,
      connection: {
        ...defaults,
        endpoint: p.endpoint,
        region: p.region ?? defaults.region,
        forcePathStyle: p.forcePathStyle ?? (v2 || !aws),
        tlsVerify: p.tlsVerify ?? true,
        caBundlePath,
        checksumMode: aws ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED',
        signatureVersion: p.signatureVersion ?? 'v4',
        embedded: false,
      },
      serverKeys:
        p.accessKeyId && p.secretAccessKey
          ? { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey }
          : undefined,
      passwordHash: p.passwordHash,
      buckets: p.buckets,
      readOnly: p.readOnly ?? false,
    };
  });
  if (defaultProfile && !seen.has(defaultProfile)) {
    problems.push(`${file}: defaultProfile "${defaultProfile}" is not one of the profiles`);
  }
  return { profiles, defaultProfile: defaultProfile ?? entries[0]!.name };
}

/** "profile "x": " for an issue under profiles[i], so the operator sees which one. */
function where(json: unknown, issuePath: PropertyKey[]): string {
  const [top, index, ...rest] = issuePath;
  if (top === 'profiles' && typeof index === 'number') {
    const entry = (json as { profiles: { name?: unknown }[] }).profiles[index];
    const name = typeof entry?.name === 'string' ? `"${entry.name}"` : `#${index + 1}`;
    return `profile ${name}${rest.length ? ` ${rest.join('.')}` : ''}: `;
  }
  return issuePath.length ? `${issuePath.join('.')}: ` : '';
}

/** Problems shared by every profile, wherever it was defined. */
export function checkProfiles(profiles: Profile[], authOff: boolean, problems: string[]): void {
  for (const p of profiles) {
    if (p.passwordHash) {
      const parsed = parsePasswordHash(p.passwordHash);
      if (typeof parsed === 'string') {
        problems.push(`The password hash of profile "${p.name}" ${parsed}`);
      }
      if (!p.serverKeys) {
        problems.push(
          `Profile "${p.name}" has a password hash but no keys: its users sign in with their own S3 keys`,
        );
      }
    } else if (p.serverKeys && !authOff) {
      problems.push(
        `Profile "${p.name}" holds S3 keys but no dashboard password: make a hash with ` +
          '`pnpm hash-password` and set STOWAGE_PASSWORD_HASH (or "passwordHash" in the ' +
          'profiles file), or set STOWAGE_AUTH=off on a loopback HOST',
      );
    }
  }
}

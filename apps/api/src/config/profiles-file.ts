import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BUCKET_PATTERN_RE, BucketNameSchema, ProfileNameSchema } from '@stowage/shared';

/** Any field of StoreQuirks (quirks.ts), to override what the store's kind gives. */
const QuirksSchema = z.strictObject({
  fileSystemKeys: z.boolean().optional(),
  absoluteSuffixRanges: z.boolean().optional(),
  copySourceEscaping: z.enum(['component', 'uri']).optional(),
  legacyCopyIfMatch: z.boolean().optional(),
  partCopy: z.boolean().optional(),
  copyKeepsTags: z.boolean().optional(),
  maxConcurrentRequests: z.number().int().positive().optional(),
});

/**
 * A folder for link records: "name/" or "a/b/" (ends with "/", no leading "/", no empty, "." or
 * ".." segment, no control characters). Its first segment is hidden from the bucket's root listing.
 */
export const LinkPrefixSchema = z.string().refine(
  (s) =>
    s.endsWith('/') &&
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    !/[\x00-\x1f\x7f\\]/.test(s) &&
    s
      .slice(0, -1)
      .split('/')
      .every((seg) => seg !== '' && seg !== '.' && seg !== '..'),
  'is a folder such as ".stowage/links/": it ends with "/", and has no leading "/", no empty, "." or ".." folder',
);

/** Share links of one profile (links/README.md); the environment's STOWAGE_LINK_* say the same. */
export const ProfileLinksEntrySchema = z.strictObject({
  defaultMode: z
    .enum(['direct', 'relay'], { message: 'defaultMode is direct or relay' })
    .optional(),
  /** Keys relay and upload links are served with (a profile whose users sign in with their own). */
  accessKeyId: z.string().min(1).optional(),
  secretAccessKey: z.string().min(1).optional(),
  /** One bucket that keeps every link record of the profile. */
  bucket: BucketNameSchema.optional(),
  prefix: LinkPrefixSchema.optional(),
});
export type ProfileLinksEntry = z.infer<typeof ProfileLinksEntrySchema>;

/** One profile of STOWAGE_PROFILES_FILE; the environment's one profile has the same shape. */
export const ProfileFileEntrySchema = z.strictObject({
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
  checksumMode: z
    .enum(['WHEN_REQUIRED', 'WHEN_SUPPORTED'], {
      message: 'checksumMode is WHEN_REQUIRED or WHEN_SUPPORTED',
    })
    .optional(),
  payloadSigning: z
    .enum(['signed', 'unsigned'], { message: 'payloadSigning is signed or unsigned' })
    .optional(),
  quirks: QuirksSchema.optional(),
  accessKeyId: z.string().min(1).optional(),
  secretAccessKey: z.string().min(1).optional(),
  passwordHash: z.string().min(1).optional(),
  buckets: z.array(BucketNameSchema).min(1, 'buckets lists at least one bucket').optional(),
  readOnly: z.boolean().optional(),
  /** Its users may read the audit log (the Activity page). */
  admin: z.boolean().optional(),
  links: ProfileLinksEntrySchema.optional(),
  /**
   * How the browser sends a big upload's parts: "relay" (default, through Stowage) or "direct"
   * (straight to the store with presigned URLs, where the bucket's CORS allows it).
   */
  uploadTransport: z
    .enum(['relay', 'direct'], { message: 'uploadTransport is relay or direct' })
    .optional(),
  /**
   * How an object's bytes reach the browser: "relay" (default, through Stowage) or "redirect"
   * (the content route answers 302 to a short-lived presigned GetObject URL; SigV4 only).
   */
  downloads: z
    .enum(['relay', 'redirect'], { message: 'downloads is relay or redirect' })
    .optional(),
});
export type ProfileFileEntry = z.infer<typeof ProfileFileEntrySchema>;

/** A role's bucket: an exact name, or a prefix and `*` ("team-a-*"). */
export const BucketPatternSchema = z
  .string()
  .regex(
    BUCKET_PATTERN_RE,
    'is a bucket name, or the start of one followed by "*" (e.g. "team-a-*"): lowercase letters, digits, "." and "-"',
  );

/** STS's DurationSeconds range (AssumeRoleWithWebIdentity). */
export const MIN_STS_DURATION_SECONDS = 900;
export const MAX_STS_DURATION_SECONDS = 43_200;

/**
 * One rule of `sso.roles`: people whose claim holds `value` get `profile` (config/sso.ts), acting
 * with the keys the server holds for it (`identity: "profile"`, the default), or with their own
 * store identity (`identity: "passthrough"`): their ID token exchanged for temporary credentials
 * of `roleArn` by STS AssumeRoleWithWebIdentity at the profile's endpoint (store/s3-web-identity.ts).
 */
export const SsoRoleEntrySchema = z.strictObject({
  value: z.string().min(1, 'value is the group or role name the claim carries'),
  profile: ProfileNameSchema,
  readOnly: z.boolean().optional(),
  buckets: z.array(BucketPatternSchema).min(1, 'buckets lists at least one bucket').optional(),
  identity: z
    .enum(['profile', 'passthrough'], {
      message:
        'identity is "profile" (the keys the server holds for the profile) or "passthrough" (the person\'s own identity through STS)',
    })
    .optional(),
  roleArn: z.string().optional(),
  durationSeconds: z
    .number()
    .int('durationSeconds is a whole number of seconds')
    .min(MIN_STS_DURATION_SECONDS, `durationSeconds is at least ${MIN_STS_DURATION_SECONDS}`)
    .max(MAX_STS_DURATION_SECONDS, `durationSeconds is at most ${MAX_STS_DURATION_SECONDS}`)
    .optional(),
});
export type SsoRoleEntry = z.infer<typeof SsoRoleEntrySchema>;

/** Single sign-on with OpenID Connect (config/sso.ts). */
export const SsoFileSchema = z.strictObject({
  issuer: z
    .url({ message: "issuer must be the provider's http(s) URL" })
    .regex(/^https?:\/\//i, 'issuer must start with https:// (http:// on a loopback host only)'),
  clientId: z.string().min(1),
  /** The client secret itself, or `clientSecretEnv`: the environment variable that holds it. */
  clientSecret: z.string().min(1).optional(),
  clientSecretEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'clientSecretEnv is the name of an environment variable')
    .optional(),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope is one word'))
    .optional(),
  /** The ID token (or userinfo) claim that carries the groups or roles. */
  claim: z.string().min(1).optional(),
  buttonName: z.string().min(1).max(60).optional(),
  roles: z.array(SsoRoleEntrySchema).min(1, 'roles lists at least one rule'),
});
export type SsoFile = z.infer<typeof SsoFileSchema>;

export const ProfilesFileSchema = z.strictObject({
  defaultProfile: ProfileNameSchema.optional(),
  profiles: z.array(ProfileFileEntrySchema).min(1, 'profiles lists at least one profile'),
  sso: SsoFileSchema.optional(),
});
export type ProfilesFile = z.infer<typeof ProfilesFileSchema>;

/** The file's JSON, or the sentence saying why it cannot be read. */
export function readProfilesJson(file: string): { json: unknown } | { problem: string } {
  try {
    return { json: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { problem: `STOWAGE_PROFILES_FILE: cannot read ${file} as JSON (${why})` };
  }
}

/** `profile "x" field: ` for an issue under profiles[i], so the operator sees which one. */
export function whereInFile(json: unknown, issuePath: PropertyKey[]): string {
  const [top, index, ...rest] = issuePath;
  if (top === 'profiles' && typeof index === 'number') {
    const entry = (json as { profiles: { name?: unknown }[] }).profiles[index];
    const name = typeof entry?.name === 'string' ? `"${entry.name}"` : `#${index + 1}`;
    return `profile ${name}${rest.length ? ` ${rest.join('.')}` : ''}: `;
  }
  if (top === 'sso' && index === 'roles' && typeof rest[0] === 'number') {
    const [i, ...field] = rest;
    return `sso.roles[${i}]${field.length ? `.${field.join('.')}` : ''}: `;
  }
  return issuePath.length ? `${issuePath.join('.')}: ` : '';
}

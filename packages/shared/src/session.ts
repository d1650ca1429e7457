import { z } from 'zod';
import { LinkAbilitiesSchema } from './share.js';

/**
 * Sessions and connection profiles (issue 4). The browser names a profile; it never sends an
 * endpoint. `GET /api/session` is public and tells the login form what it may ask for.
 */

/** A connection profile's name, as configured by the operator. */
export const ProfileNameSchema = z
  .string()
  .min(1, 'Choose a connection profile')
  .max(64, 'A profile name is at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'A profile name uses letters, digits, ".", "_" and "-"');

/** Sign in with the S3 keys of the profile's store (MinIO Console style). */
export const KeySignInBodySchema = z.object({
  profile: ProfileNameSchema.optional(),
  accessKeyId: z
    .string()
    .trim()
    .min(1, 'Enter your access key')
    .max(128, 'An access key is at most 128 characters'),
  secretAccessKey: z
    .string()
    .min(1, 'Enter your secret key')
    .max(256, 'A secret key is at most 256 characters'),
});

/** Sign in with the dashboard password of a profile whose keys the server holds. */
export const PasswordSignInBodySchema = z.object({
  profile: ProfileNameSchema.optional(),
  password: z
    .string()
    .min(1, 'Enter the dashboard password')
    .max(1024, 'A password is at most 1024 characters'),
});

export const SignInBodySchema = z.union([KeySignInBodySchema, PasswordSignInBodySchema]);
export type KeySignInBody = z.infer<typeof KeySignInBodySchema>;
export type PasswordSignInBody = z.infer<typeof PasswordSignInBodySchema>;
export type SignInBody = z.infer<typeof SignInBodySchema>;

/** What the login form may show about a profile: never its endpoint or keys. */
export const ProfileSummarySchema = z.object({
  name: ProfileNameSchema,
  /** `keys`: the user types S3 keys; `password`: the server holds the keys. */
  signIn: z.enum(['keys', 'password']),
  readOnly: z.boolean(),
  /**
   * The embedded demo store's documented keys (s3rver's defaults), for the login page to show:
   * only on the embedded store with its demo keys, never for a configured store.
   */
  demoKeys: z.object({ accessKeyId: z.string(), secretAccessKey: z.string() }).optional(),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/** Single sign-on (OpenID Connect), when the operator configured it: the login page's button. */
export const SsoSummarySchema = z.object({
  /** "Sign in with <buttonName>". */
  buttonName: z.string(),
  /** Where the browser goes to start (a full-page navigation). */
  startUrl: z.string(),
});

export type SsoSummary = z.infer<typeof SsoSummarySchema>;

/** Where a signed-in SSO user picks another profile their roles grant (POST). */
export const SSO_PROFILE_PATH = '/api/auth/sso/profile';

/** Pick one of the profiles an SSO sign-in's roles grant. */
export const SsoProfileBodySchema = z.strictObject({ profile: ProfileNameSchema });
export type SsoProfileBody = z.infer<typeof SsoProfileBodySchema>;

/** Sign-out: where the browser goes next to end the identity provider's session too. */
export const SignOutResponseSchema = z.object({ endSessionUrl: z.string() });
export type SignOutResponse = z.infer<typeof SignOutResponseSchema>;

export const SessionResponseSchema = z.discriminatedUnion('signedIn', [
  z.object({
    signedIn: z.literal(false),
    profiles: z.array(ProfileSummarySchema),
    /** The profile the form should preselect. */
    defaultProfile: ProfileNameSchema,
    /** Present when single sign-on is configured. */
    sso: SsoSummarySchema.optional(),
  }),
  z.object({
    signedIn: z.literal(true),
    profiles: z.array(ProfileSummarySchema),
    defaultProfile: ProfileNameSchema,
    profile: ProfileNameSchema,
    /** Who is signed in: the access key id, or "dashboard password". */
    who: z.string(),
    readOnly: z.boolean(),
    /** The buckets this profile may use (and create), or null: every bucket. */
    bucketAllowlist: z.array(z.string()).nullable(),
    /** False only when the operator switched dashboard auth off explicitly (loopback only). */
    authRequired: z.boolean(),
    /** ISO time the session ends at the latest (absolute limit). */
    expiresAt: z.string(),
    /** What this profile can do with share links. */
    links: LinkAbilitiesSchema,
    /** An admin (the profile's `admin: true`): may read the audit log (Activity page). */
    admin: z.boolean().optional(),
    /** Present when single sign-on is configured. */
    sso: SsoSummarySchema.optional(),
    /** An SSO sign-in: the profiles its roles grant (more than one: the user may switch). */
    ssoProfiles: z.array(ProfileNameSchema).optional(),
    /**
     * "passthrough": this SSO session reaches the store with the person's own identity (STS
     * temporary credentials the server holds; never sent here). Absent: the profile's keys.
     */
    identity: z.literal('passthrough').optional(),
  }),
]);
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

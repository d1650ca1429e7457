import { z } from 'zod';
import { BucketNameSchema, KeyPrefixSchema, ObjectKeySchema } from './common.js';
import { linkUploadNameProblem } from './share-paths.js';

/**
 * Share: links for people without an account.
 * - A download link (`POST …/share`) is either `direct` (a presigned GetObject URL of the store:
 *   the bytes go straight from the store, which the recipient must reach) or `relay` (a
 *   `/s/<token>` URL served by Stowage itself, for stores on a private network).
 * - An upload link (`POST …/upload-links`) is a `/s/<token>` page where anyone holding it drops
 *   files into one folder and nowhere else.
 * A relay or upload token is signed by the server (HMAC; no store credentials in it); each has a
 * small record in the store (a JSON object under the profile's link prefix) that the Links view
 * lists and Revoke deletes: a token without its record is refused.
 */

export const ShareModeSchema = z.enum(['direct', 'relay']);
export type ShareMode = z.infer<typeof ShareModeSchema>;

/** The shortest link: one minute. */
export const MIN_LINK_SECONDS = 60;
/** SigV4 presigned URLs are valid at most 7 days (S3's own limit). */
export const SIGV4_MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Lifetime of a link in seconds; the largest allowed depends on the mode (the API says which). */
const expiresIn = z
  .number()
  .int('expiresIn is a whole number of seconds')
  .min(MIN_LINK_SECONDS, `A link lasts at least ${MIN_LINK_SECONDS} seconds`);

/** A file name for the recipient's download: one name, no folders, no control characters. */
export const DownloadNameSchema = z
  .string()
  .min(1, 'The download name is empty')
  .max(255, 'The download name is at most 255 characters')
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  .refine((s) => !/[\x00-\x1f\x7f/\\]/.test(s), {
    message: 'The download name has no "/", "\\" or control characters',
  });

/** A link password: only its hash is kept. */
export const LinkPasswordSchema = z
  .string()
  .min(1, 'The password is empty')
  .max(1024, 'The password is at most 1024 characters');

export const ShareBodySchema = z.strictObject({
  key: ObjectKeySchema,
  expiresIn,
  /** Default: the profile's (session `links.defaultMode`). */
  mode: ShareModeSchema.optional(),
  downloadName: DownloadNameSchema.optional(),
  /** Relay links only: the recipient types it before the download starts. */
  password: LinkPasswordSchema.optional(),
});
export type ShareBody = z.infer<typeof ShareBodySchema>;

export const ShareResponseSchema = z.object({
  /** Absolute URL to hand out. */
  url: z.string(),
  /** ISO time after which the link is refused. */
  expiresAt: z.string(),
  mode: ShareModeSchema,
  /** The link's record (relay only): what the Links view lists and Revoke takes. */
  id: z.string().optional(),
});
export type ShareResponse = z.infer<typeof ShareResponseSchema>;

/** Where an upload link's files land: the bucket root ("") or a folder ("…/"). */
const uploadFolder = KeyPrefixSchema.refine((p) => p === '' || p.endsWith('/'), {
  message: 'The folder is "" (the bucket root) or ends with "/"',
});

const byteLimit = z.number().int().positive('A size limit is at least 1 byte');

export const UploadLinkBodySchema = z.strictObject({
  prefix: uploadFolder,
  expiresIn,
  /** The largest file one upload may carry. */
  maxBytes: byteLimit.optional(),
  /** The most all uploads through this link may add up to. */
  maxTotalBytes: byteLimit.optional(),
  /** May a file replace an object of the same name? Off: such a file is refused (409). */
  overwrite: z.boolean().default(false),
});
export type UploadLinkBody = z.input<typeof UploadLinkBodySchema>;

export const UploadLinkResponseSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  id: z.string(),
});
export type UploadLinkResponse = z.infer<typeof UploadLinkResponseSchema>;

export const LinkKindSchema = z.enum(['download', 'upload']);
export type LinkKind = z.infer<typeof LinkKindSchema>;

/** A link id: 128 random bits, base64url. */
export const LinkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a link id');

export const LinkParamsSchema = z.object({ bucket: BucketNameSchema, id: LinkIdSchema });

/** One link made through Stowage, as the Links view shows it. */
export const LinkSummarySchema = z.object({
  id: LinkIdSchema,
  kind: LinkKindSchema,
  bucket: BucketNameSchema,
  /** The object (download) or the folder (upload; "" is the bucket root). */
  key: z.string(),
  /** Who made it: the access key id, or "dashboard password". */
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  /** The link itself, to copy again. */
  url: z.string(),
  downloadName: z.string().optional(),
  passwordProtected: z.boolean(),
  maxBytes: z.number().optional(),
  maxTotalBytes: z.number().optional(),
  overwrite: z.boolean().optional(),
});
export type LinkSummary = z.infer<typeof LinkSummarySchema>;

export const LinksQuerySchema = z.object({
  /** Opaque: the previous answer's nextCursor. */
  cursor: z.string().max(2048).optional(),
});

export const LinksResponseSchema = z.object({
  /** Newest first within a page. */
  links: z.array(LinkSummarySchema),
  nextCursor: z.string().nullable(),
});
export type LinksResponse = z.infer<typeof LinksResponseSchema>;

/** `/s/:token…`: the token is base64url segments joined by "." (link-token.ts). */
export const LinkTokenParamsSchema = z.object({
  token: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[A-Za-z0-9_.-]+$/, 'Not a link'),
});

/** `GET /s/:token/info`: what the public page may show, and nothing about the bucket. */
export const PublicLinkInfoSchema = z.object({
  kind: LinkKindSchema,
  expiresAt: z.string(),
  /** Download: the file's name (downloadName, or the key's last segment); upload: the folder's last segment, or "". */
  name: z.string(),
  /** Download: the object's size, once unlocked (or without a password). */
  size: z.number().optional(),
  passwordRequired: z.boolean(),
  /** A password link this browser has unlocked already (its cookie). */
  unlocked: z.boolean(),
  maxBytes: z.number().optional(),
  maxTotalBytes: z.number().optional(),
  overwrite: z.boolean().optional(),
});
export type PublicLinkInfo = z.infer<typeof PublicLinkInfoSchema>;

/** `POST /s/:token/unlock`: JSON, or the page's urlencoded form. */
export const LinkUnlockBodySchema = z.object({ password: LinkPasswordSchema });
export type LinkUnlockBody = z.infer<typeof LinkUnlockBodySchema>;

/** The name of a dropped file, relative to the link's folder ("/" for a folder drop). */
export const LinkUploadNameSchema = z
  .string()
  .min(1, 'The file name is empty')
  .superRefine((name, ctx) => {
    const problem = linkUploadNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const LinkUploadQuerySchema = z.object({ name: LinkUploadNameSchema });

/** The answer to a file dropped through an upload link: its name (never the bucket's key). */
export const LinkUploadResponseSchema = z.object({ name: z.string(), size: z.number() });
export type LinkUploadResponse = z.infer<typeof LinkUploadResponseSchema>;

/** What a session's profile can do with links (session answer `links`). */
export const LinkAbilitiesSchema = z.object({
  /** The mode the Share dialog preselects (profile setting). */
  defaultMode: ShareModeSchema,
  /** Relay and upload links need keys the server holds for this profile. */
  relay: z.boolean(),
  /** Upload links: relay, and not read-only. */
  upload: z.boolean(),
  /** The longest link per mode, in seconds (direct: 7 days on SigV4). */
  maxSeconds: z.object({ direct: z.number(), relay: z.number() }),
});
export type LinkAbilities = z.infer<typeof LinkAbilitiesSchema>;

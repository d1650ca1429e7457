import { z } from 'zod';
import {
  ShareBodySchema,
  ShareModeSchema,
  UploadLinkBodySchema,
  type LinkAbilities,
  type ShareBody,
  type ShareMode,
  type UploadLinkBody,
} from '@stowage/shared';
import { expirySeconds, EXPIRY_PRESETS, type ExpiryChoice, type ExpiryPreset } from './expiry';
import { limitBytes, SIZE_UNITS, type SizeUnit } from './size-units';

/**
 * The share and upload-link forms: what the user chooses (an expiry preset or a date, a size in
 * its unit…), turned into the API's body and checked by the shared schema, each problem on the
 * field it comes from. An expiry is counted from `now()` at each check (a date is "from now")
 * and held to the longest link of its kind (the session's `links.maxSeconds`).
 */

const presetIds = EXPIRY_PRESETS.map((preset) => preset.id) as [ExpiryPreset, ...ExpiryPreset[]];

const ExpiryChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: z.enum(presetIds) }),
  z.object({ kind: z.literal('custom'), local: z.string() }),
]);

const SizeLimitSchema = z.object({
  value: z.string(),
  unit: z.enum(Object.keys(SIZE_UNITS) as [SizeUnit, ...SizeUnit[]]),
});
export type SizeLimitValue = z.infer<typeof SizeLimitSchema>;

type Now = () => Date;
type Ctx = z.RefinementCtx;

/** The expiry in seconds, or its problem put on the `expiry` field. */
function checkedExpiry(choice: ExpiryChoice, max: number, now: Now, ctx: Ctx): number | null {
  const checked = expirySeconds(choice, max, now());
  if ('problem' in checked) {
    ctx.addIssue({ code: 'custom', path: ['expiry'], message: checked.problem });
    return null;
  }
  return checked.seconds;
}

/** A size limit's bytes (undefined: no limit), or its problem put on its field. */
function checkedLimit(limit: SizeLimitValue, field: string, ctx: Ctx): number | undefined | null {
  const checked = limitBytes(limit.value, limit.unit);
  if ('problem' in checked) {
    ctx.addIssue({ code: 'custom', path: [field], message: checked.problem });
    return null;
  }
  return checked.bytes;
}

/**
 * The shared schema's verdict on a body: its data, or its issues moved onto the form's fields
 * (`expiresIn` is the expiry field; a body field the form does not show goes to `root`).
 */
function checkedBody<T extends z.ZodType>(
  schema: T,
  body: z.input<T>,
  fields: readonly string[],
  ctx: Ctx,
): z.output<T> | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const top = issue.path[0];
    const field = top === 'expiresIn' ? 'expiry' : typeof top === 'string' ? top : '';
    ctx.addIssue({
      code: 'custom',
      path: [fields.includes(field) ? field : 'root'],
      message: issue.message,
    });
  }
  return null;
}

const ShareFormFields = z.object({
  mode: ShareModeSchema,
  expiry: ExpiryChoiceSchema,
  downloadName: z.string(),
  /** Relay links only; ignored for a direct link. */
  password: z.string(),
});
export type ShareFormValues = z.infer<typeof ShareFormFields>;

/** "Share NAME": the form's values → the share body for `key`. */
export function createShareFormSchema(
  key: string,
  maxSeconds: LinkAbilities['maxSeconds'],
  now: Now = () => new Date(),
) {
  return ShareFormFields.transform((form, ctx): ShareBody => {
    const expiresIn = checkedExpiry(form.expiry, maxSeconds[form.mode], now, ctx);
    if (expiresIn === null) return z.NEVER;
    const body: ShareBody = { key, expiresIn, mode: form.mode };
    if (form.downloadName !== '') body.downloadName = form.downloadName;
    if (form.mode === 'relay' && form.password !== '') body.password = form.password;
    const data = checkedBody(ShareBodySchema, body, ['expiry', 'downloadName', 'password'], ctx);
    return data ?? z.NEVER;
  });
}

/** The mode a share form starts with: the profile's default, if the server can serve it. */
export function initialShareMode(links: LinkAbilities): ShareMode {
  return links.defaultMode === 'relay' && !links.relay ? 'direct' : links.defaultMode;
}

const UploadLinkFormFields = z.object({
  expiry: ExpiryChoiceSchema,
  maxBytes: SizeLimitSchema,
  maxTotalBytes: SizeLimitSchema,
  overwrite: z.boolean(),
});
export type UploadLinkFormValues = z.infer<typeof UploadLinkFormFields>;

/** "Upload link to FOLDER": the form's values → the upload-link body for `prefix`. */
export function createUploadLinkFormSchema(
  prefix: string,
  maxSeconds: number,
  now: Now = () => new Date(),
) {
  return UploadLinkFormFields.transform((form, ctx): UploadLinkBody => {
    // Every field's problem at once, not the first one only.
    const expiresIn = checkedExpiry(form.expiry, maxSeconds, now, ctx);
    const maxBytes = checkedLimit(form.maxBytes, 'maxBytes', ctx);
    const maxTotalBytes = checkedLimit(form.maxTotalBytes, 'maxTotalBytes', ctx);
    if (expiresIn === null || maxBytes === null || maxTotalBytes === null) return z.NEVER;
    const body: UploadLinkBody = { prefix, expiresIn, overwrite: form.overwrite };
    if (maxBytes !== undefined) body.maxBytes = maxBytes;
    if (maxTotalBytes !== undefined) body.maxTotalBytes = maxTotalBytes;
    const fields = ['expiry', 'maxBytes', 'maxTotalBytes', 'overwrite'];
    return checkedBody(UploadLinkBodySchema, body, fields, ctx) ?? z.NEVER;
  });
}

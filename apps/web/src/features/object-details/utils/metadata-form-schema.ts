import { z } from 'zod';
import {
  UpdateMetadataBodySchema,
  type ObjectDetails,
  type UpdateMetadataBody,
} from '@stowage/shared';
import { metadataIssuePath, metadataToRows, rowsToMetadata } from '@/lib/metadata-rows';

export const HEADER_FIELDS = [
  { name: 'contentType', label: 'Content-Type' },
  { name: 'cacheControl', label: 'Cache-Control' },
  { name: 'contentDisposition', label: 'Content-Disposition' },
  { name: 'contentEncoding', label: 'Content-Encoding' },
  { name: 'contentLanguage', label: 'Content-Language' },
  { name: 'expires', label: 'Expires' },
] as const;

type HeaderName = (typeof HEADER_FIELDS)[number]['name'];

const RowSchema = z.object({ name: z.string(), value: z.string() });
const FormShape = z.object({
  contentType: z.string(),
  cacheControl: z.string(),
  contentDisposition: z.string(),
  contentEncoding: z.string(),
  contentLanguage: z.string(),
  expires: z.string(),
  metadata: z.array(RowSchema),
});

export type MetadataFormValues = z.infer<typeof FormShape>;

/** The form as loaded from the object: user metadata decoded for reading and editing. */
export function metadataFormValues(details: ObjectDetails): MetadataFormValues {
  return {
    contentType: details.contentType ?? '',
    cacheControl: details.cacheControl ?? '',
    contentDisposition: details.contentDisposition ?? '',
    contentEncoding: details.contentEncoding ?? '',
    contentLanguage: details.contentLanguage ?? '',
    expires: details.expires ?? '',
    metadata: metadataToRows(details.metadata),
  };
}

/**
 * The form -> the UpdateMetadataBody the mutation sends, validated by the shared schema once
 * values are encoded. Headers the user left as loaded stay absent (kept); a cleared one is
 * null (removed). `etag` is what the form was loaded with, sent as ifMatch.
 */
export function createMetadataFormSchema(loaded: MetadataFormValues, etag: string | null) {
  return FormShape.transform((form, ctx): UpdateMetadataBody => {
    const metadata = rowsToMetadata(form.metadata, ctx, ['metadata']);
    const body: UpdateMetadataBody = { metadata };
    for (const { name } of HEADER_FIELDS) {
      const value = form[name].trim();
      if (value !== loaded[name].trim())
        body[name satisfies HeaderName] = value === '' ? null : value;
    }
    if (etag) body.ifMatch = etag;
    const result = UpdateMetadataBodySchema.safeParse(body);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const [field, ...rest] = issue.path;
      const path =
        field === 'metadata'
          ? metadataIssuePath(rest, form.metadata, ['metadata'])
          : typeof field === 'string'
            ? [field]
            : [];
      ctx.addIssue({ code: 'custom', message: issue.message, path });
    }
    return z.NEVER;
  });
}

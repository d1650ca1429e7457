import { z } from 'zod';
import { UploadFieldsSchema } from '@stowage/shared';
import { metadataIssuePath, rowsToMetadata } from '@/lib/metadata-rows';
import type { UploadOptions } from './prepare-batch';

/**
 * The "Upload options" form: rows of decoded metadata and a content type, checked as the
 * upload route will check them (UploadFieldsSchema) once the values are encoded.
 */
export const UploadOptionsFormSchema = z
  .object({
    contentType: z.string(),
    metadata: z.array(z.object({ name: z.string(), value: z.string() })),
  })
  .transform((form, ctx): UploadOptions => {
    const metadata = rowsToMetadata(form.metadata, ctx, ['metadata']);
    const contentType = form.contentType.trim();
    const result = UploadFieldsSchema.safeParse({
      contentType: contentType || undefined,
      metadata,
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path =
          issue.path[0] === 'metadata'
            ? metadataIssuePath(issue.path.slice(1), form.metadata, ['metadata'])
            : issue.path.filter((p) => typeof p !== 'symbol');
        ctx.addIssue({ code: 'custom', message: issue.message, path });
      }
      return {};
    }
    return {
      contentType: contentType || undefined,
      metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    };
  });

export type UploadOptionsFormValues = z.input<typeof UploadOptionsFormSchema>;

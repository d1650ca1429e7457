import { bucketAllowed, CreateBucketBodySchema } from '@stowage/shared';

/**
 * The create form's schema: the shared rules, and with an allowlist, only its names (the API
 * refuses the others; the form says so as the name is typed).
 */
export function createBucketSchema(allowlist: readonly string[] | null) {
  if (allowlist === null) return CreateBucketBodySchema;
  return CreateBucketBodySchema.refine((body) => bucketAllowed(body.name, allowlist), {
    path: ['name'],
    message: `This profile may only create ${allowlist.join(', ')}`,
  });
}

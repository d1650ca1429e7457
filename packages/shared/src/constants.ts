// No zod here: the first screen imports these, and zod loads only with the screens that
// validate (BENCHMARKS.md, initial JavaScript). `pnpm bench --only bundle` shows a slip.

/** CopyObject's limit: a metadata edit of a bigger object copies it in parts (UploadPartCopy). */
export const MAX_SINGLE_COPY_BYTES = 5 * 1024 ** 3;

/**
 * A text object is edited in place (PUT …/object/content) up to this size: the editor holds the
 * whole text, and the API reads the body into memory. Larger: download it.
 */
export const TEXT_EDIT_MAX_BYTES = 1024 * 1024;

/** Every state-changing request must carry this header (CSRF: a cross-site form cannot). */
export const CSRF_HEADER = 'x-stowage-csrf';
export const CSRF_HEADER_VALUE = '1';

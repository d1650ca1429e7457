// No zod here: the first screen imports these, and zod loads only with the screens that
// validate (BENCHMARKS.md, initial JavaScript).

/** CopyObject's limit: a metadata edit of a bigger object copies it in parts (UploadPartCopy). */
export const MAX_SINGLE_COPY_BYTES = 5 * 1024 ** 3;

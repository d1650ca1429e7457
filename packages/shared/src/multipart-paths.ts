/**
 * The size above which the web app uploads a file as a multipart upload it drives (issue 22).
 * No zod here: the web app's first screen imports it (the schemas are in multipart.ts).
 */
export const MULTIPART_THRESHOLD = 64 * 1024 * 1024;

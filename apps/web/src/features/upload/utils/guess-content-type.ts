import mime from 'mime/lite';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** A Content-Type from the key's extension (mime's standard types), else octet-stream. */
export function guessContentType(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  // mime reads a bare "json" or ".json" as an extension; only "x.json" has one.
  if (name.lastIndexOf('.') <= 0) return DEFAULT_CONTENT_TYPE;
  return mime.getType(name) ?? DEFAULT_CONTENT_TYPE;
}

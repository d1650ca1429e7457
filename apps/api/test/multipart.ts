import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';

export interface FormPart {
  name: string;
  value: string | Buffer;
  /** Makes the part a file part. */
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body with every part exactly as given (order, types, filenames). */
export function multipartBody(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----stowage${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) chunks.push(partHead(boundary, p), Buffer.from(p.value), CRLF);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const CRLF = Buffer.from('\r\n');

/** The headers of one part, for tests that stream the file themselves. */
export function partHead(boundary: string, p: Omit<FormPart, 'value'>): Buffer {
  const disposition =
    `form-data; name="${p.name}"` + (p.filename !== undefined ? `; filename="${p.filename}"` : '');
  const type = p.contentType ? `Content-Type: ${p.contentType}\r\n` : '';
  return Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`);
}

/** The usual form: optional fields, then the file. */
export function uploadForm(
  file: Buffer,
  fields: Record<string, string> = {},
  fileType = 'application/octet-stream',
) {
  return multipartBody([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', value: file, filename: 'upload.bin', contentType: fileType },
  ]);
}

/** A body that arrives in 64 KiB chunks, as from a socket (one big chunk defeats backpressure). */
export const socketChunks = (b: Buffer) =>
  Readable.from(
    Array.from({ length: Math.ceil(b.length / 65536) }, (_, i) =>
      b.subarray(i * 65536, (i + 1) * 65536),
    ),
  );

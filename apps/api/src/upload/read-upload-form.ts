import type { Multipart, MultipartFile } from '@fastify/multipart';
import { UploadFieldsSchema, type UploadFields } from '@stowage/shared';
import { HttpError, badRequest, payloadTooLarge } from '../errors.js';

type Parts = AsyncIterableIterator<Multipart>;

const FIELDS = Object.keys(UploadFieldsSchema.shape);
const FORM_SHAPE = `an upload form has the fields ${FIELDS.join(', ')} (all optional), then one file`;

export const tooLarge = (maxBytes: number) =>
  payloadTooLarge(
    `The file is larger than the upload limit of ${maxBytes} bytes; nothing was stored`,
  );
const cutOff = () =>
  badRequest(
    'The upload was cut off before the form ended (connection closed); nothing was stored',
  );

/** The fields that came before the file (known names, once each, not cut), and the file. */
export async function readFieldsThenFile(
  parts: Parts,
  maxBytes: number,
): Promise<{ raw: Record<string, unknown>; file: MultipartFile }> {
  const raw: Record<string, unknown> = {};
  for (;;) {
    const next = await parts.next().catch((err: unknown) => {
      throw formError(err, maxBytes);
    });
    if (next.done) throw badRequest(`The form has no file; ${FORM_SHAPE}`);
    const part = next.value;
    if (part.type === 'file') return { raw, file: part };
    if (!FIELDS.includes(part.fieldname)) {
      throw badRequest(`Unknown form field "${part.fieldname}"; ${FORM_SHAPE}`);
    }
    if (part.fieldname in raw) throw badRequest(`The form field "${part.fieldname}" is sent twice`);
    if (part.valueTruncated) throw badRequest(`The form field "${part.fieldname}" is over 8 KiB`);
    raw[part.fieldname] = part.value;
  }
}

/** The fields as UploadFieldsSchema reads them; its messages are the answer. */
export function parseFields(raw: Record<string, unknown>): UploadFields {
  // Sent as text by a browser's FormData; @fastify/multipart parses it when typed as JSON.
  if (typeof raw.metadata === 'string') {
    try {
      raw.metadata = JSON.parse(raw.metadata);
    } catch {
      throw badRequest('metadata: The metadata field is not valid JSON');
    }
  }
  const parsed = UploadFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/** Whatever comes after the file: only the closing boundary may. */
export async function expectFormEnd(parts: Parts, maxBytes: number): Promise<void> {
  const next = await parts.next().catch((err: unknown) => {
    throw formError(err, maxBytes);
  });
  if (!next.done) {
    throw badRequest(
      `The form field "${next.value.fieldname}" comes after the file; ${FORM_SHAPE}`,
    );
  }
}

/** @fastify/multipart and busboy failures, as clear HTTP answers. */
export function formError(err: unknown, maxBytes: number): HttpError {
  if (err instanceof HttpError) return err;
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_MP_PREMATURE_CLOSE':
      return cutOff();
    case 'FST_FILES_LIMIT':
      return badRequest(`The form has more than one file; ${FORM_SHAPE}`);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return badRequest(`The form has too many parts; ${FORM_SHAPE}`);
    case 'FST_PROTO_VIOLATION':
      return badRequest(`The form has a forbidden field name; ${FORM_SHAPE}`);
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest('A form field sent as application/json is not valid JSON');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new HttpError('UnsupportedMediaType', 'An upload is a multipart/form-data request');
    default:
      return badRequest('The multipart form is malformed or cut short; nothing was stored');
  }
}

/**
 * After a failure: reads the rest of the request to nowhere, so the answer goes out on a
 * connection that is not still carrying the body (answering first stalls the client: once a
 * response is sent, @fastify/multipart stops reading and the client blocks mid-write).
 */
export async function drainForm(parts: Parts): Promise<void> {
  try {
    for await (const part of parts) if (part.type === 'file') part.file.resume();
  } catch {
    // The form's own failure (cut short, limits) is not the answer; the first failure is.
  }
}

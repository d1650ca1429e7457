import { createHmac, timingSafeEqual } from 'node:crypto';
import { multipartPartSize } from '@stowage/shared';
import { HttpError } from '../errors.js';

/**
 * The upload id a client holds for a big upload (issue 22): the store's upload id, the size
 * announced at create and the part size planned for it, sealed with an HMAC over the profile,
 * bucket and key it was created for. Nothing is kept in memory: any instance with the same
 * secret (STOWAGE_LINK_SECRET, else STOWAGE_SESSION_SECRET: the link key) opens it, after a
 * restart too. Used with another bucket or key, or altered, it is refused (400 UploadMismatch)
 * before anything reaches the store — whatever the store checks itself (s3rver checks nothing).
 *
 * Form: `m1.<base64url store id>.<size>.<partSize>.<base64url 128-bit MAC>`.
 */

export interface MultipartUpload {
  /** The store's own upload id. */
  storeId: string;
  size: number;
  partSize: number;
}

export interface UploadPlace {
  profile: string;
  bucket: string;
  key: string;
}

const VERSION = 'm1';
const CONTEXT = 'stowage multipart upload v1';

function mac(secret: Buffer, place: UploadPlace, upload: MultipartUpload): Buffer {
  return createHmac('sha256', secret)
    .update(CONTEXT)
    .update(
      JSON.stringify([
        place.profile,
        place.bucket,
        place.key,
        upload.storeId,
        upload.size,
        upload.partSize,
      ]),
    )
    .digest()
    .subarray(0, 16);
}

export function sealUploadId(secret: Buffer, place: UploadPlace, upload: MultipartUpload): string {
  const id = Buffer.from(upload.storeId, 'utf8').toString('base64url');
  const tag = mac(secret, place, upload).toString('base64url');
  return `${VERSION}.${id}.${upload.size}.${upload.partSize}.${tag}`;
}

const mismatch = () =>
  new HttpError(
    'UploadMismatch',
    'This upload id was not made for this bucket and key (or it was altered): ' +
      'use it with the key it was created for, or start a new upload',
  );

/** The upload an id names, if it was sealed for this place; else 400 UploadMismatch. */
export function openUploadId(
  secret: Buffer,
  place: UploadPlace,
  uploadId: string,
): MultipartUpload {
  const parts = uploadId.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new HttpError(
      'UploadMismatch',
      'This is not an upload id this API gave (POST …/multipart starts an upload)',
    );
  }
  const [, id, size, partSize, tag] = parts as [string, string, string, string, string];
  if (!/^\d{1,16}$/.test(size) || !/^\d{1,16}$/.test(partSize)) throw mismatch();
  const upload: MultipartUpload = {
    storeId: Buffer.from(id, 'base64url').toString('utf8'),
    size: Number(size),
    partSize: Number(partSize),
  };
  const want = mac(secret, place, upload);
  const got = Buffer.from(tag, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw mismatch();
  return upload;
}

/** A new upload's plan from its size (the shared part-size rule). */
export const planFor = (storeId: string, size: number): MultipartUpload => ({
  storeId,
  size,
  partSize: multipartPartSize(size),
});

/** The key deriving the MAC key from the link key: a token of one kind never passes as the other. */
export const multipartKey = (linkKey: Buffer) =>
  createHmac('sha256', linkKey).update('stowage multipart key v1').digest();

import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { payloadTooLarge } from '../errors.js';
import type { ObjectStore } from '../store/object-store.js';
import type { RecordPlace } from './link-records.js';

/**
 * An upload link's total limit (`maxTotalBytes`), kept in the store like the link's record: one
 * empty object per file the link stored, `<folder><id>/<random>-<bytes>`, beside the record
 * `<folder><id>.json`. The sum of the sizes in their names is what the link has taken. No
 * database, and no read-modify-write of a counter: every instance on the store agrees.
 *
 * An upload first writes a reservation (a receipt of the size it declares), then lists the
 * link's receipts: over the limit, it deletes its reservation and is refused. Whoever lists
 * second sees the other's reservation, so two concurrent uploads may both be refused but never
 * both accepted over the limit. After the upload the reservation is replaced by the real size
 * (written first, then the reservation deleted: never a moment of undercount), or deleted when
 * nothing was stored. A process that dies between the two leaves a reservation behind: the
 * link then counts a little more than it took, never less.
 */

/** The folder of one link's receipts. */
export const receiptFolder = (place: RecordPlace, id: string) => `${place.folder}${id}/`;

/** `<random>-<bytes>`: anything else in the folder is not ours and counts nothing. */
const RECEIPT = /^[A-Za-z0-9_-]{16}-(\d{1,16})$/;

async function putReceipt(store: ObjectStore, place: RecordPlace, id: string, bytes: number) {
  const key = `${receiptFolder(place, id)}${randomBytes(12).toString('base64url')}-${bytes}`;
  await store.putObject({ bucket: place.bucket, key, body: '' });
  return key;
}

/** Bytes the link's receipts (stored files and reservations) add up to. */
export async function linkUsedBytes(
  store: ObjectStore,
  place: RecordPlace,
  id: string,
): Promise<number> {
  const folder = receiptFolder(place, id);
  let sum = 0;
  for await (const page of store.listAll(place.bucket, folder)) {
    for (const o of page) {
      const m = RECEIPT.exec(o.key.slice(folder.length));
      if (m) sum += Number(m[1]);
    }
  }
  return sum;
}

export interface LinkReservation {
  /** After the upload: the stored size (replaces the reservation) or undefined (removes it). */
  settle(storedBytes: number | undefined): Promise<void>;
}

/**
 * Reserves `bytes` of the link's `maxTotalBytes`, or refuses with 413 (nothing left behind).
 * `settle` never throws: a receipt it could not write or delete is logged, and a reservation
 * left over only counts against the link.
 */
export async function reserveLinkBytes(
  store: ObjectStore,
  place: RecordPlace,
  id: string,
  bytes: number,
  maxTotalBytes: number,
  log: FastifyBaseLogger,
): Promise<LinkReservation> {
  const reservation = await putReceipt(store, place, id, bytes);
  const drop = async () => {
    try {
      await store.deleteObject(place.bucket, reservation);
    } catch (err) {
      log.warn({ err, bucket: place.bucket, key: reservation }, 'upload link reservation kept');
    }
  };
  let used: number;
  try {
    used = await linkUsedBytes(store, place, id);
  } catch (err) {
    await drop();
    throw err;
  }
  if (used > maxTotalBytes) {
    await drop();
    const before = Math.max(0, used - bytes);
    throw payloadTooLarge(
      `This upload link takes at most ${maxTotalBytes} bytes in all; ${before} are taken or ` +
        `being uploaded, so a file of up to ${bytes} bytes does not fit; nothing was stored`,
    );
  }
  return {
    async settle(storedBytes) {
      if (storedBytes !== undefined && storedBytes !== bytes) {
        try {
          await putReceipt(store, place, id, storedBytes);
        } catch (err) {
          // The reservation (at least as large) stays and counts instead.
          log.warn({ err, bucket: place.bucket, id }, 'upload link receipt not written');
          return;
        }
      } else if (storedBytes !== undefined) {
        return; // the reservation is the receipt
      }
      await drop();
    },
  };
}

/**
 * Deletes a link's receipts: Revoke calls it beside deleteLinkRecord (a receipt without its
 * record counts for nothing, but would stay in the bucket).
 */
export async function deleteLinkReceipts(
  store: ObjectStore,
  place: RecordPlace,
  id: string,
): Promise<void> {
  await store.deletePrefix(place.bucket, receiptFolder(place, id));
}

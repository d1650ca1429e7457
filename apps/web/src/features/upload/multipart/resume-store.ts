/**
 * Unfinished multipart uploads kept in IndexedDB (raw API: one object store, four calls), so
 * that a reload or a closed tab can resume them. Keyed by upload id.
 */
export type ResumeRecord = {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly fileName: string;
  readonly size: number;
  readonly lastModified: number;
  readonly partSize: number;
  /** Part numbers the store accepted (the store's ListParts is checked before trusting them). */
  readonly partsDone: readonly number[];
  readonly contentType?: string | undefined;
  readonly createdAt: number;
  /** The transport the create answer offered (direct or relay), and why: kept for a resume. */
  readonly transport?: TransportNote | undefined;
};

/** How the parts travel, and the sentence the transfer row shows for it. */
export type TransportNote = { readonly mode: 'direct' | 'relay'; readonly message: string };

type FileLike = { readonly name: string; readonly size: number; readonly lastModified: number };

/** The record a picked file resumes: same bucket and key, same name, size and last-modified. */
export function findResumable(
  records: readonly ResumeRecord[],
  bucket: string,
  key: string,
  file: FileLike,
): ResumeRecord | undefined {
  return records
    .filter(
      (r) =>
        r.bucket === bucket &&
        r.key === key &&
        r.fileName === file.name &&
        r.size === file.size &&
        r.lastModified === file.lastModified,
    )
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The records a picked file (wherever it is queued) could resume, by name, size and date. */
export function matchesFile(record: ResumeRecord, file: FileLike): boolean {
  return (
    record.fileName === file.name &&
    record.size === file.size &&
    record.lastModified === file.lastModified
  );
}

const DB_NAME = 'stowage-uploads';
const STORE = 'multipart';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('IndexedDB request failed'));
    };
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(STORE, { keyPath: 'uploadId' });
    };
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      dbPromise = null;
      reject(req.error ?? new Error('IndexedDB is not available'));
    };
  });
  return dbPromise;
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
) {
  const db = await openDb();
  return request(run(db.transaction(STORE, mode).objectStore(STORE)));
}

/** Every record; none (not an error) where IndexedDB is unavailable (private windows). */
export async function listRecords(): Promise<ResumeRecord[]> {
  try {
    return (await withStore('readonly', (s) => s.getAll())) as ResumeRecord[];
  } catch {
    return [];
  }
}

export async function putRecord(record: ResumeRecord): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.put(record));
  } catch {
    // Without IndexedDB the upload still runs; only resuming after a reload is lost.
  }
}

export async function deleteRecord(uploadId: string): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.delete(uploadId));
  } catch {
    // Nothing was kept.
  }
}

/** The records as the transfer panel lists them ("interrupted"). */
export async function readInterrupted() {
  return (await listRecords()).map((r) => ({
    uploadId: r.uploadId,
    bucket: r.bucket,
    key: r.key,
    fileName: r.fileName,
    size: r.size,
    lastModified: r.lastModified,
    doneBytes: Math.min(r.size, r.partsDone.length * r.partSize),
  }));
}

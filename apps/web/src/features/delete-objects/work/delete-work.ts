import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { MAX_DELETE_KEYS, type DeleteObjectsResponse } from '@stowage/shared';
import { errorMessage } from '@/lib/api-client';
import { invalidateDeletedObjects } from '@/lib/invalidate-objects';
import { deleteFolder } from '../api/delete-folder';
import { deleteObjects } from '../api/delete-objects';

/** One delete running in the background (a folder, or a selection of objects and folders). */
export type DeleteWork = {
  id: number;
  bucket: string;
  /** What is deleted: "photos/", or "2 files and 1 folder". */
  label: string;
  /** The count the dialog showed (folder summaries), until the API has listed everything. */
  estimate: number | null;
  deleted: number;
  failed: number;
  /** Objects listed so far by the API (known once each folder is listed). */
  total: number | null;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  errors: DeleteObjectsResponse['errors'];
  /** Why the work stopped as a whole (status `failed`). */
  message: string | null;
};

type Started = {
  queryClient: QueryClient;
  bucket: string;
  keys: readonly string[];
  prefixes: readonly string[];
  label: string;
  estimate: number | null;
  /** With one prefix: only its keys from `from` to `to` (a windowed listing's range). */
  range?: { from?: string; to?: string };
  /** Called when everything was asked for, with the keys the store did not delete. */
  onDone?: (failedKeys: string[]) => void;
};

/** Keys the API deletes per DeleteObjects batch: at most this many go after a cancel. */
export const DELETE_IN_FLIGHT = 1000;

let works: readonly DeleteWork[] = [];
let nextId = 1;
const controllers = new Map<number, AbortController>();
const listeners = new Set<() => void>();

function set(id: number, patch: Partial<DeleteWork>) {
  works = works.map((w) => (w.id === id ? { ...w, ...patch } : w));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The background deletes, newest last. */
export function useDeleteWorks(): readonly DeleteWork[] {
  return useSyncExternalStore(subscribe, () => works);
}

/** Stops a running delete: the API finishes the batch in flight and starts no other. */
export function cancelWork(id: number) {
  controllers.get(id)?.abort();
}

/** Removes finished deletes from the list. */
export function clearFinished() {
  works = works.filter((w) => w.status === 'running');
  for (const listener of listeners) listener();
}

/**
 * Starts a delete in the background and returns at once: the named keys (in requests of
 * MAX_DELETE_KEYS), then each folder with its progress streamed. Listings refresh as each
 * part ends, and once more at the end.
 */
export function startDeleteWork(started: Started): number {
  const id = nextId++;
  const { queryClient, bucket, keys, prefixes } = started;
  works = [
    ...works,
    {
      id,
      bucket,
      label: started.label,
      estimate: started.estimate,
      deleted: 0,
      failed: 0,
      total: null,
      status: 'running',
      errors: [],
      message: null,
    },
  ];
  for (const listener of listeners) listener();
  const controller = new AbortController();
  controllers.set(id, controller);
  const { signal } = controller;

  const done = { deleted: 0, failed: 0, total: 0 };
  const errors: DeleteObjectsResponse['errors'] = [];
  const add = (res: DeleteObjectsResponse) => {
    done.deleted += res.deleted;
    done.failed += res.errors.length;
    errors.push(...res.errors);
  };

  async function run(): Promise<DeleteWork['status']> {
    for (let start = 0; start < keys.length; start += MAX_DELETE_KEYS) {
      if (signal.aborted) return 'cancelled';
      const chunk = keys.slice(start, start + MAX_DELETE_KEYS);
      done.total += chunk.length;
      add(await deleteObjects(bucket, { keys: chunk }));
      set(id, { ...done, errors: [...errors] });
    }
    for (const prefix of prefixes) {
      if (signal.aborted) return 'cancelled';
      const before = { ...done };
      const res = await deleteFolder(bucket, prefix, {
        signal,
        range: started.range,
        onProgress: (p) => {
          set(id, {
            deleted: before.deleted + p.deleted,
            failed: before.failed + p.failed,
            total: before.total + p.total,
          });
        },
      });
      done.total += res.deleted + res.errors.length;
      add(res);
      set(id, { ...done, errors: [...errors] });
      void invalidateDeletedObjects(queryClient, bucket, { prefixes: [prefix] });
      if (res.cancelled) return 'cancelled';
    }
    return 'done';
  }

  void run()
    .then(
      (status) => {
        set(id, { ...done, status, errors: [...errors] });
        if (status === 'done') started.onDone?.(errors.map((e) => e.key));
      },
      (err: unknown) => {
        if (signal.aborted) set(id, { status: 'cancelled', errors: [...errors] });
        else set(id, { status: 'failed', errors: [...errors], message: errorMessage(err) });
      },
    )
    .finally(() => {
      controllers.delete(id);
      void invalidateDeletedObjects(queryClient, bucket, { keys, prefixes });
    });
  return id;
}

/** Content-MD5 of a part, in a Web Worker (hash-wasm, loaded with it). One worker, jobs in turn. */
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (md5: string) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./md5.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<{ id: number; md5?: string; error?: string }>) => {
    const job = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (event.data.md5 !== undefined) job?.resolve(event.data.md5);
    else job?.reject(new Error(event.data.error ?? 'Hashing failed'));
  };
  return worker;
}

export function partMd5(blob: Blob): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, blob });
  });
}

/// <reference lib="webworker" />
import { createMD5 } from 'hash-wasm';

/** Computes a part's Content-MD5 (base64) off the main thread. */
type Job = { id: number; blob: Blob };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

self.onmessage = async (event: MessageEvent<Job>) => {
  const { id, blob } = event.data;
  try {
    // One hasher per job: jobs interleave at each await (hash-wasm caches the compiled module).
    const hasher = await createMD5();
    const reader = blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hasher.update(value);
    }
    self.postMessage({ id, md5: toBase64(hasher.digest('binary')) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};

import { describe, expect, it } from 'vitest';
import { readSearchLines } from './search-objects';

/** A body that arrives in exactly these byte chunks. */
function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** The bytes of `text` cut at these byte offsets. */
function cut(text: string, at: number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const bounds = [0, ...at, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.slice(bounds[i], end));
}

const match = {
  key: 'docs/café 🎉.txt',
  size: 12,
  lastModified: '2026-01-01T00:00:00.000Z',
  etag: '"e"',
};
const text = [
  JSON.stringify({ scanned: 1000 }),
  JSON.stringify(match),
  JSON.stringify({ done: true, scanned: 1500, matches: 1, truncated: false }),
].join('\n');

describe('readSearchLines', () => {
  it('reads lines and characters cut across chunks, whatever the cuts', async () => {
    const length = new TextEncoder().encode(text).length;
    // Every cut point in turn, inside the multi-byte characters too, and a chunk a byte.
    const cuts = [
      ...Array.from({ length: length - 1 }, (_, i) => [i + 1]),
      Array.from({ length: length - 1 }, (_, i) => i + 1),
    ];
    for (const at of cuts) {
      const lines: unknown[] = [];
      const done = await readSearchLines(body(cut(text, at)), (line) => lines.push(line));
      expect(lines).toEqual([{ scanned: 1000 }, match]);
      expect(done).toEqual({ done: true, scanned: 1500, matches: 1, truncated: false });
    }
  });

  it('a final line without "\\n" counts; CRLF and empty lines are fine', async () => {
    const lines: unknown[] = [];
    const done = await readSearchLines(
      body(
        cut(
          `\r\n${JSON.stringify(match)}\r\n\n{"done":true,"scanned":1,"matches":1,"truncated":true}`,
          [],
        ),
      ),
      (line) => lines.push(line),
    );
    expect(lines).toEqual([match]);
    expect(done.truncated).toBe(true);
  });

  it('keeps the error of a search that failed after it started', async () => {
    const last = {
      done: true,
      scanned: 2000,
      matches: 0,
      truncated: false,
      error: { code: 'StoreUnavailable', message: 'The storage service is unavailable.' },
    };
    expect(await readSearchLines(body(cut(JSON.stringify(last), [])), () => undefined)).toEqual(
      last,
    );
  });

  it('a body that ends before its last line is an error, not a finished search', async () => {
    await expect(
      readSearchLines(body(cut(`${JSON.stringify(match)}\n`, [5])), () => undefined),
    ).rejects.toThrow('The search ended before its last line');
  });

  it('a line that is not the contract is an error', async () => {
    await expect(readSearchLines(body(cut('{"key":3}\n', [])), () => undefined)).rejects.toThrow(
      'not a search result',
    );
    await expect(readSearchLines(body(cut('nope\n', [])), () => undefined)).rejects.toThrow(
      'not JSON',
    );
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ObjectContent } from '../../src/store/object-store.js';
import { READ_AHEAD_COUNT, READ_AHEAD_MAX_BYTES, ReadAhead } from '../../src/zip/read-ahead.js';
import type { ZipMember } from '../../src/zip/zip-members.js';

const member = (key: string, size: number): ZipMember => ({
  key,
  name: key,
  directory: key.endsWith('/'),
  size,
  lastModified: new Date(),
});

function fakeStore(sizes: Record<string, number>) {
  const opened: string[] = [];
  const open = (key: string): Promise<ObjectContent> => {
    opened.push(key);
    const bytes = Buffer.alloc(sizes[key]!, 1);
    return Promise.resolve({
      body: Readable.from([bytes.subarray(0, bytes.length / 2), bytes.subarray(bytes.length / 2)]),
      statusCode: 200,
      contentLength: bytes.length,
      contentRange: undefined,
      contentType: undefined,
      etag: undefined,
      lastModified: undefined,
    });
  };
  return { opened, open };
}

async function bytesOf(body: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks).length;
}

describe('ReadAhead', () => {
  it('reads ahead only small members, at most READ_AHEAD_COUNT ahead, and nothing once stopped', async () => {
    const members = [member('big', 10 * READ_AHEAD_MAX_BYTES), member('dir/', 0)];
    for (let i = 0; i < 20; i++) members.push(member(`s${i}`, 1000));
    const sizes = Object.fromEntries(members.map((m) => [m.key, m.size]));
    const { opened, open } = fakeStore(sizes);
    const ahead = new ReadAhead(members, open);
    ahead.fill(0);
    expect(opened).toEqual(
      ['s0', 's1', 's2', 's3', 's4', 's5', 's6'].slice(0, READ_AHEAD_COUNT - 1),
    );
    expect(ahead.take(0)).toBeUndefined();
    const s0 = await ahead.take(2)!;
    expect(await bytesOf(s0.body)).toBe(1000);
    ahead.stop();
    ahead.fill(5);
    expect(opened.length).toBe(READ_AHEAD_COUNT - 1);
  });

  it('holds a body bigger than listed only up to the limit, and streams the rest', async () => {
    const big = 3 * READ_AHEAD_MAX_BYTES;
    const { open } = fakeStore({ a: 1, b: big });
    const ahead = new ReadAhead([member('a', 1), member('b', 10)], open);
    ahead.fill(0);
    expect(await bytesOf((await ahead.take(1)!).body)).toBe(big);
  });
});

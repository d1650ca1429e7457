import { describe, expect, it } from 'vitest';
import { createLineSplitter, readLines } from './ndjson-lines';

describe('createLineSplitter', () => {
  it('joins a line cut across chunks', () => {
    const s = createLineSplitter();
    expect(s.push('{"done":1}\n{"do')).toEqual(['{"done":1}']);
    expect(s.push('ne":2}')).toEqual([]);
    expect(s.push('\n')).toEqual(['{"done":2}']);
    expect(s.end()).toEqual([]);
  });

  it('gives several lines of one chunk, drops empty lines and \\r', () => {
    const s = createLineSplitter();
    expect(s.push('a\r\n\nb\nc')).toEqual(['a', 'b']);
    expect(s.end()).toEqual(['c']);
  });
});

describe('readLines', () => {
  it('decodes a character cut across chunks', async () => {
    const bytes = new TextEncoder().encode('{"key":"é"}\n{"key":"🙂"}');
    const chunks = [bytes.slice(0, 10), bytes.slice(10, 21), bytes.slice(21)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const lines: string[] = [];
    await readLines(body, (line) => lines.push(line));
    expect(lines).toEqual(['{"key":"é"}', '{"key":"🙂"}']);
  });
});

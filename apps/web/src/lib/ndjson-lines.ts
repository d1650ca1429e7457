/**
 * Splits text arriving in chunks into lines, a line possibly cut across chunks. Empty lines
 * (and a "\r" before "\n") are dropped; `end` returns the last line if it had no "\n".
 */
export function createLineSplitter() {
  let rest = '';
  const clean = (lines: string[]) =>
    lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)).filter((l) => l !== '');
  return {
    push(text: string): string[] {
      const parts = (rest + text).split('\n');
      rest = parts.pop() ?? '';
      return clean(parts);
    },
    end(): string[] {
      const last = rest;
      rest = '';
      return clean([last]);
    },
  };
}

/** Reads a body of UTF-8 lines (a character may be cut across chunks too), one call per line. */
export async function readLines(
  body: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = createLineSplitter();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      splitter.push(decoder.decode(value, { stream: true })).forEach(onLine);
    }
    splitter.push(decoder.decode()).forEach(onLine);
    splitter.end().forEach(onLine);
  } finally {
    reader.releaseLock();
  }
}

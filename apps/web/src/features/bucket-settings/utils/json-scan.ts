/**
 * Where a JSON text stops being JSON: the offset of the first character a parser cannot take.
 * JSON.parse does not always say (V8 names no position for an unexpected token), so the
 * editors find it themselves with this small recursive-descent scan of RFC 8259.
 */
export function firstJsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (at: number): never => {
    throw new ScanError(at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text.charAt(i) !== ch) fail(i);
      i += 1;
    }
  };
  const string = () => {
    i += 1; // the opening quote
    for (;;) {
      if (i >= text.length) fail(i);
      const ch = text.charAt(i);
      if (ch === '"') {
        i += 1;
        return;
      }
      if (ch.charCodeAt(0) < 0x20) fail(i);
      if (ch === '\\') {
        const next = text.charAt(i + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else fail(i);
      } else i += 1;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(i);
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const ch = text.charAt(i);
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail(i);
  };
  const object = () => {
    i += 1;
    space();
    if (text.charAt(i) === '}') {
      i += 1;
      return;
    }
    for (;;) {
      space();
      if (text.charAt(i) !== '"') fail(i);
      string();
      space();
      if (text.charAt(i) !== ':') fail(i);
      i += 1;
      value();
      space();
      const ch = text.charAt(i);
      i += 1;
      if (ch === '}') return;
      if (ch !== ',') fail(i - 1);
    }
  };
  const array = () => {
    i += 1;
    space();
    if (text.charAt(i) === ']') {
      i += 1;
      return;
    }
    for (;;) {
      value();
      space();
      const ch = text.charAt(i);
      i += 1;
      if (ch === ']') return;
      if (ch !== ',') fail(i - 1);
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail(i);
    return null;
  } catch (error) {
    if (error instanceof ScanError) return Math.min(error.offset, text.length);
    throw error;
  }
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super(`JSON error at ${String(offset)}`);
  }
}

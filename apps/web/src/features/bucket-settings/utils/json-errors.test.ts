import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema } from '@stowage/shared';
import { checkJson, formatPath, lineAndColumn, locateJsonError } from './json-errors';
import { firstJsonErrorOffset } from './json-scan';

function problemOf(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return locateJsonError(text, error);
  }
  throw new Error('valid JSON');
}

describe('the JSON error locator', () => {
  it('names the line and column of a missing comma', () => {
    const text = '{\n  "Version": "2012-10-17"\n  "Statement": []\n}';
    const problem = problemOf(text);
    expect(problem).toMatchObject({ line: 3, column: 3, offset: text.indexOf('"Statement"') });
    expect(problem.message).toMatch(/Expected ',' or '}' after property value/);
  });

  it('finds an unexpected token, for which V8 names no position', () => {
    const text = '{\n  "a": 1,\n  "b": tru\n}';
    // "tru" stops at the end of the line, where the "e" was due.
    expect(problemOf(text)).toMatchObject({ line: 3, column: 11 });
    expect(problemOf('{"a": x}')).toMatchObject({ line: 1, column: 7 });
    // The engine's echo of the text is left out.
    expect(problemOf('{"a": x}').message).toBe("Unexpected token 'x'");
  });

  it('puts a text that ends early at its end, and a trailing comma on the bracket', () => {
    expect(problemOf('{\n  "a": [1, 2')).toMatchObject({ line: 2, column: 13 });
    expect(problemOf('[1, 2,]')).toMatchObject({ line: 1, column: 7 });
    expect(problemOf('')).toMatchObject({ line: 1, column: 1 });
  });

  it('catches what a lenient scan would pass: control characters, bad escapes, extra text', () => {
    expect(firstJsonErrorOffset('"a\nb"')).toBe(2);
    expect(firstJsonErrorOffset('"\\x"')).toBe(1);
    expect(firstJsonErrorOffset('{} {}')).toBe(3);
    expect(firstJsonErrorOffset('01')).toBe(1);
    expect(firstJsonErrorOffset(' {"a": [true, false, null, -1.5e3, "\\u00e9"]} ')).toBeNull();
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('schema problems', () => {
  it('are one readable line each, the field named by its path', () => {
    expect(formatPath(['Statement', 0, 'Effect'])).toBe('Statement[0].Effect');
    const check = checkJson(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}',
      PolicyDocumentSchema,
    );
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems).toEqual([
      'Statement[0].Effect: Effect is Allow or Deny',
    ]);
  });

  it('a document that fits gives its value', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b"}]}';
    const check = checkJson(text, PolicyDocumentSchema);
    expect(check).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });
});

import type { z } from 'zod';
import { firstJsonErrorOffset } from './json-scan';

/** Where a JSON text is wrong: 1-based line and column, and the offset for the caret. */
export type JsonProblem = { message: string; line: number; column: number; offset: number };

/** The 1-based line and column of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where and why JSON.parse failed. The place is our own scan's (json-scan.ts): engines say it
 * differently or not at all (V8 names no position for an unexpected token); the reason is the
 * engine's words without its position and its echo of the text.
 */
export function locateJsonError(text: string, error: unknown): JsonProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const offset = firstJsonErrorOffset(text) ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  const message = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '')
    .trim();
  return { message: message || 'Not valid JSON', line, column, offset };
}

/** `Rules[0].Filter.Prefix` for a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${String(part)}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** One readable line per schema problem: "Statement[0].Effect: Effect is Allow or Deny". */
export function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

export type JsonCheck<T> =
  | { ok: true; value: T }
  | { ok: false; syntax: JsonProblem; problems?: never }
  | { ok: false; syntax?: never; problems: string[] };

/** Parses a JSON text and checks it against a schema: the value, or what is wrong and where. */
export function checkJson<T>(text: string, schema: z.ZodType<T>): JsonCheck<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, syntax: locateJsonError(text, error) };
  }
  const result = schema.safeParse(parsed);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: schemaProblems(result.error) };
}

/** The text the editors start from: two-space JSON, as the CLI prints it. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

/** The problems loadConfig reports for `env` (none: []), each the sentence the operator reads. */
export function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

let dir: string | undefined;

/**
 * A profiles file with `content` (JSON, or a string as is) in `inDir` (relative paths in it are
 * read from there), by default a temporary directory; its path.
 */
export function profilesFile(content: unknown, inDir?: string): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'stowage-config-'));
  const file = path.join(inDir ?? dir, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

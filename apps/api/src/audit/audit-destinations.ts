import path from 'node:path';

/** Where audit lines go (STOWAGE_AUDIT_LOG): stdout, one file, or both. */
export interface AuditDestinations {
  stdout: boolean;
  /** An absolute path: appended to, reopened on SIGHUP. */
  file: string | undefined;
}

/**
 * STOWAGE_AUDIT_LOG, read: a comma-separated list of `stdout` and at most one absolute file
 * path (`stdout`, `/var/log/stowage/audit.log`, `stdout,/var/log/stowage/audit.log`). The
 * problem sentence when it is something else.
 */
export function parseAuditDestinations(value: string): AuditDestinations | { problem: string } {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let stdout = false;
  let file: string | undefined;
  for (const part of parts) {
    if (part === 'stdout') {
      stdout = true;
    } else if (path.isAbsolute(part)) {
      if (file !== undefined) return { problem: 'STOWAGE_AUDIT_LOG names at most one file' };
      file = path.normalize(part);
    } else {
      return {
        problem: `STOWAGE_AUDIT_LOG: "${part}" is neither stdout nor an absolute file path`,
      };
    }
  }
  if (!stdout && file === undefined) {
    return { problem: 'STOWAGE_AUDIT_LOG is stdout, an absolute file path, or both (comma)' };
  }
  return { stdout, file };
}

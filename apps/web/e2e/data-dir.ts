import os from 'node:os';
import path from 'node:path';

/** One data directory per run, shared by the config (server) and the teardown. */
export const e2eDataDir = path.join(
  os.tmpdir(),
  `stowage-e2e-${process.env.E2E_RUN_ID ?? (process.env.E2E_RUN_ID = String(process.pid))}`,
);

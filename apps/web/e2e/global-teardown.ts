import { rmSync } from 'node:fs';
import { e2eDataDir } from './data-dir';
import { authStatePath, readOnlyDataDir } from './servers';

/** The embedded stores' data and the saved sign-in of this run are thrown away with the run. */
export default function globalTeardown() {
  for (const dir of [e2eDataDir, readOnlyDataDir, authStatePath]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

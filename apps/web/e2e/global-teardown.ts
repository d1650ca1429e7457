import { rmSync } from 'node:fs';
import { e2eDataDir } from './data-dir';

/** The embedded store's data of this run is thrown away with the run. */
export default function globalTeardown() {
  rmSync(e2eDataDir, { recursive: true, force: true });
}

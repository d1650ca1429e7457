import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { e2eDataDir } from './data-dir';
import {
  authStatePath,
  cephApiDataDir,
  cephAuthStatePath,
  cephPorts,
  cephStateDir,
  readOnlyDataDir,
  sharedCephEndpoint,
} from './servers';

const cephScript = fileURLToPath(new URL('../../../scripts/ceph-rgw.sh', import.meta.url));

/**
 * The embedded stores' data and the saved sign-ins of this run are thrown away with the run.
 * Ceph is stopped by its server on SIGTERM; stopping it here too (by its state dir, found from
 * /proc if need be) makes sure no radosgw of this run outlives it, even after a crash.
 */
export default function globalTeardown() {
  // A Ceph shared by the whole `npm test` run is stopped by scripts/test.mjs.
  if (!sharedCephEndpoint) stopCeph();
  for (const dir of [
    e2eDataDir,
    readOnlyDataDir,
    authStatePath,
    ...(sharedCephEndpoint ? [] : [cephStateDir]),
    cephApiDataDir,
    cephAuthStatePath,
  ]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

function stopCeph() {
  spawnSync(cephScript, ['stop'], {
    stdio: 'ignore',
    env: {
      ...process.env,
      CEPH_STATE_DIR: cephStateDir,
      CEPH_RGW_PORT: String(cephPorts.rgw),
      CEPH_MON_PORT: String(cephPorts.mon),
      CEPH_MON_V1_PORT: String(cephPorts.monV1),
    },
  });
}

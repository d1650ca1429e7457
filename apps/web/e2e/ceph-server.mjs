// The Ceph-backed server of the e2e run (playwright.config.ts' third webServer): the run's
// shared Ceph (STOWAGE_TEST_CEPH_ENDPOINT) or a fresh single-node Ceph RGW (scripts/ceph-rgw.sh,
// its ports and state dir from the environment the config sets), then the built API on it,
// signed in to with the RGW's keys (key sign-in). SIGTERM (Playwright's gracefulShutdown),
// SIGINT, SIGHUP or the API's exit stop the API and then its own Ceph, so no radosgw outlives
// the run.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/ceph-rgw.sh', import.meta.url));
const server = fileURLToPath(new URL('../../api/dist/server.js', import.meta.url));
const apiDataDir = process.env.E2E_CEPH_API_DATA_DIR;
if (!process.env.CEPH_STATE_DIR || !process.env.CEPH_RGW_PORT || !apiDataDir) {
  console.error('ceph-server: CEPH_STATE_DIR, CEPH_RGW_PORT and E2E_CEPH_API_DATA_DIR are needed');
  process.exit(2);
}

// `npm test` (scripts/test.mjs) starts one Ceph for the whole run and says where: use it, and
// leave starting and stopping it to the run.
const shared = process.env.STOWAGE_TEST_CEPH_ENDPOINT;
let api = null;
let stopping = false;

/** Stops the API (if running), then Ceph; synchronous, so it also runs from 'exit'. */
function stopAll() {
  if (stopping) return;
  stopping = true;
  if (api && api.exitCode === null) api.kill('SIGTERM');
  if (shared) return;
  const out = spawnSync(script, ['stop'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (out.status !== 0) console.error(`ceph-server: ceph-rgw.sh stop exited ${String(out.status)}`);
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    stopAll();
    process.exit(0);
  });
}
process.on('exit', stopAll);

const endpoint = shared ?? startCeph();

/** A fresh Ceph of this e2e run; its progress (stderr) is shown only when it fails. */
function startCeph() {
  const started = Date.now();
  const ceph = spawnSync(script, ['start'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ceph.status !== 0) {
    console.error(ceph.stderr);
    console.error(`ceph-server: Ceph did not start (exit ${String(ceph.status)})`);
    process.exit(1);
  }
  const vars = new Map(
    ceph.stdout
      .split('\n')
      .map((line) => line.split('='))
      .filter((parts) => parts.length === 2)
      .map(([name, value]) => [name, value]),
  );
  const url = vars.get('CEPH_S3_ENDPOINT');
  if (!url) {
    console.error('ceph-server: ceph-rgw.sh printed no endpoint');
    process.exit(1);
  }
  console.error(`ceph-server: Ceph RGW at ${url} in ${String(Date.now() - started)} ms`);
  return url;
}

rmSync(apiDataDir, { recursive: true, force: true });
// Big uploads go straight to the RGW where a bucket's CORS allows it (big-upload.ceph.spec.ts);
// downloads and previews follow a 302 to it (downloads-redirect.ceph.spec.ts).
const env = {
  ...process.env,
  AWS_ENDPOINT_URL: endpoint,
  STOWAGE_DATA_DIR: apiDataDir,
  STOWAGE_UPLOAD_TRANSPORT: 'direct',
  STOWAGE_DOWNLOADS: 'redirect',
};
// Key sign-in: the browser signs in with the RGW's keys (auth.ceph.setup.ts).
delete env.AWS_ACCESS_KEY_ID;
delete env.AWS_SECRET_ACCESS_KEY;
api = spawn(process.execPath, [server], { env, stdio: 'inherit' });
api.on('exit', (code) => {
  if (stopping) return;
  console.error(`ceph-server: the API exited (${String(code)})`);
  stopAll();
  process.exit(1);
});

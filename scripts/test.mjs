// `npm test`: every check and test suite, in order, then one line `N passed, N failed`.
// Checks (typecheck, lint, format, build) count as one test each; test suites count their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, ensurePnpm, root } from './lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();

const out = path.join(root, '.test-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const results = [];

function exec(cmd, args, opts = {}) {
  console.log(`\n━━ ${opts.title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...opts.env } });
  return r.status === 0;
}

function check(title, cmd, args) {
  const ok = exec(cmd, args, { title });
  results.push({ title, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

/** A Vitest run, counted from its JSON report; a run that reports nothing counts as one failure. */
function vitest(title, dir, args = [], extraEnv = {}) {
  const file = path.join(out, `${title.replace(/\W+/g, '-')}.json`);
  const ok = exec(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--root',
      dir,
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    { title, env: extraEnv },
  );
  if (!existsSync(file)) return results.push({ title, passed: 0, failed: 1, skipped: 0 });
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const failed = r.numFailedTests + (ok || r.numFailedTests ? 0 : 1);
  results.push({
    title,
    passed: r.numPassedTests,
    failed,
    skipped: r.numPendingTests + r.numTodoTests,
  });
}

function playwright(title) {
  const file = path.join(out, 'e2e.json');
  const ok = exec('pnpm', ['exec', 'playwright', 'test', '--reporter=list,json'], {
    title,
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  if (!existsSync(file)) return results.push({ title, passed: 0, failed: 1, skipped: 0 });
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  const failed = s.unexpected + s.flaky + (ok || s.unexpected ? 0 : 1);
  results.push({ title, passed: s.expected, failed, skipped: s.skipped });
}

/**
 * Starts the run's one Ceph RGW (scripts/ceph-rgw.sh) with the e2e's keys and puts its address,
 * ports and keys in the environment every later suite inherits. A Ceph that does not start is
 * one failure; the suites on it then fail on their own.
 */
function startSharedCeph() {
  const cephEnv = {
    CEPH_STATE_DIR: process.env.CEPH_STATE_DIR ?? path.join(os.tmpdir(), 'stowage-test-ceph'),
    CEPH_RGW_PORT: process.env.CEPH_RGW_PORT ?? '7480',
    CEPH_MON_PORT: process.env.CEPH_MON_PORT ?? '3300',
    CEPH_MON_V1_PORT: process.env.CEPH_MON_V1_PORT ?? '6789',
    // A second gateway of the same cluster with STS on (identity passthrough's tests).
    CEPH_RGW_STS_PORT: process.env.CEPH_RGW_STS_PORT ?? '7490',
    CEPH_S3_ACCESS_KEY: process.env.CEPH_S3_ACCESS_KEY ?? 'stowage-e2e',
    CEPH_S3_SECRET_KEY: process.env.CEPH_S3_SECRET_KEY ?? 'stowage-e2e-secret-key-0123456789',
  };
  Object.assign(env, cephEnv);
  const title = 'ceph rgw start';
  console.log(`\n━━ ${title}: scripts/ceph-rgw.sh start`);
  const r = spawnSync('bash', [path.join(root, 'scripts/ceph-rgw.sh'), 'start'], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoint = /^CEPH_S3_ENDPOINT=(.+)$/m.exec(r.stdout ?? '')?.[1];
  const stsEndpoint = /^CEPH_S3_STS_ENDPOINT=(.+)$/m.exec(r.stdout ?? '')?.[1];
  if (r.status !== 0 || !endpoint) {
    results.push({ title, passed: 0, failed: 1, skipped: 0 });
    return undefined;
  }
  env.STOWAGE_TEST_CEPH_ENDPOINT = endpoint;
  env.STOWAGE_TEST_CEPH_STS_ENDPOINT = stsEndpoint ?? '';
  process.on('exit', stopSharedCeph);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => process.exit(1));
  }
}

function stopSharedCeph() {
  if (!env.STOWAGE_TEST_CEPH_ENDPOINT) return;
  delete env.STOWAGE_TEST_CEPH_ENDPOINT;
  spawnSync('bash', [path.join(root, 'scripts/ceph-rgw.sh'), 'stop'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}

check('typecheck', 'pnpm', ['-r', 'run', 'typecheck']);
check('lint', 'pnpm', ['exec', 'eslint', '.', '--max-warnings', '0']);
check('stylelint', 'pnpm', ['exec', 'stylelint', 'apps/web/src/**/*.css', '--max-warnings', '0']);
check('format', 'pnpm', ['exec', 'prettier', '--check', '.']);
const built = check('build', 'pnpm', ['run', 'build']);
vitest('unit: shared', 'packages/shared');
vitest('unit: api', 'apps/api', ['-c', 'vitest.unit.config.ts']);
vitest('unit: web', 'apps/web');
vitest('api on s3rver', 'apps/api', [], { STOWAGE_TEST_STORE: 'embedded' });
// One Ceph RGW for the run: both API suites on Ceph and the e2e `ceph` project use it
// (STOWAGE_TEST_CEPH_ENDPOINT tells their setups not to start their own). Each test file makes
// its own buckets, so the suites do not see each other's objects.
startSharedCeph();
vitest('api on ceph rgw', 'apps/api', [], { STOWAGE_TEST_STORE: 'ceph' });
vitest('api on ceph rgw (SigV2)', 'apps/api', [], {
  STOWAGE_TEST_STORE: 'ceph',
  STOWAGE_TEST_SIGNATURE: 'v2',
});
// Two built instances behind nginx with Redis, on the shared Ceph (apps/api/test/scale-out/).
if (built) {
  vitest('api scale-out (nginx, redis)', 'apps/api', ['-c', 'vitest.scale.config.ts'], {
    STOWAGE_TEST_STORE: 'ceph',
  });
} else {
  results.push({
    title: 'api scale-out (not run: the build failed)',
    passed: 0,
    failed: 1,
    skipped: 0,
  });
}
if (built) playwright('e2e in chromium');
else
  results.push({
    title: 'e2e in chromium (not run: the build failed)',
    passed: 0,
    failed: 1,
    skipped: 0,
  });

stopSharedCeph();

const sum = (k) => results.reduce((n, r) => n + r[k], 0);
console.log('\n━━ Summary');
for (const r of results) {
  console.log(
    `${r.failed ? '✗' : '✓'} ${r.title}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`,
  );
}
const skipped = sum('skipped');
console.log(
  `${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(sum('failed') ? 1 : 0);

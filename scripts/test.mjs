// `npm test`: every check and test suite, in order, then one line `N passed, N failed`.
// Checks (typecheck, lint, format, build) count as one test each; test suites count their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

check('typecheck', 'pnpm', ['-r', 'run', 'typecheck']);
check('lint', 'pnpm', ['exec', 'eslint', '.', '--max-warnings', '0']);
check('stylelint', 'pnpm', ['exec', 'stylelint', 'apps/web/src/**/*.css', '--max-warnings', '0']);
check('format', 'pnpm', ['exec', 'prettier', '--check', '.']);
const built = check('build', 'pnpm', ['run', 'build']);
vitest('unit: shared', 'packages/shared');
vitest('unit: api', 'apps/api', ['-c', 'vitest.unit.config.ts']);
vitest('unit: web', 'apps/web');
vitest('api on s3rver', 'apps/api', [], { STOWAGE_TEST_STORE: 'embedded' });
vitest('api on ceph rgw', 'apps/api', [], { STOWAGE_TEST_STORE: 'ceph' });
vitest('api on ceph rgw (SigV2)', 'apps/api', [], {
  STOWAGE_TEST_STORE: 'ceph',
  STOWAGE_TEST_SIGNATURE: 'v2',
});
if (built) playwright('e2e in chromium');
else
  results.push({
    title: 'e2e in chromium (not run: the build failed)',
    passed: 0,
    failed: 1,
    skipped: 0,
  });

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

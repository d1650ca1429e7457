// Makes a fresh clone runnable: pnpm itself (pinned in package.json), then the dependencies.
// Plain Node (no dependencies), because it runs before anything is installed.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  .packageManager.split('+')[0]
  .replace('pnpm@', '');

function pnpmVersion() {
  const r = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: false });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Installs the pinned pnpm with npm when it is missing (corepack refuses this registry mirror). */
export function ensurePnpm() {
  const have = pnpmVersion();
  if (have === pinned) return;
  console.log(
    have ? `pnpm ${have} found; installing the pinned ${pinned}…` : `Installing pnpm ${pinned}…`,
  );
  execSync(`npm install --global pnpm@${pinned}`, { stdio: 'inherit' });
}

/** `pnpm install --frozen-lockfile` when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies…');
  execSync('pnpm install --frozen-lockfile', { cwd: root, stdio: 'inherit' });
}

export function run(cmd, opts = {}) {
  execSync(cmd, { cwd: root, stdio: 'inherit', ...opts });
}

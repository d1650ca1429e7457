/**
 * `pnpm hash-password`: reads a dashboard password from stdin (never argv, which other users
 * of the machine can see) and prints the hash for STOWAGE_PASSWORD_HASH or "passwordHash".
 */
import { hashPassword } from './auth/password-hash.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const password = await readStdin();
if (!password) {
  console.error('No password on standard input: try  echo -n "…" | pnpm hash-password');
  process.exit(1);
}
console.log(await hashPassword(password));

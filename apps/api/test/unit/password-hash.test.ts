import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, verifyPassword } from '../../src/auth/password-hash.js';

const cheap = { N: 1024, r: 8, p: 1 };

describe('dashboard password hashes', () => {
  it('verify the password they were made from, and no other', async () => {
    const hash = await hashPassword('correct horse', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('are salted: one password, two hashes', async () => {
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });

  it.each([
    ['plain text', 'is not an scrypt$N$r$p$salt$hash string'],
    ['scrypt$1000$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==', 'has an N that is not a power of two'],
    ['scrypt$1024$99$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==', 'has an r or p out of range'],
    ['scrypt$1024$8$1$c2FsdA==$aGFzaA==', 'has a hash shorter than 16 bytes'],
  ])('explain what is wrong with %s', (text, message) => {
    expect(parsePasswordHash(text)).toEqual(expect.stringContaining(message));
  });

  it('never verify against a malformed hash', async () => {
    expect(await verifyPassword('x', 'scrypt$nope')).toBe(false);
  });
});

describe('pnpm hash-password', () => {
  const script = fileURLToPath(new URL('../../src/hash-password.ts', import.meta.url));
  const run = (input: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@stowage/source', script], {
      input,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('reads the password from stdin and prints a hash that verifies it', async () => {
    const r = run('s3cret pass\n');
    expect(r.status).toBe(0);
    const hash = r.stdout.trim();
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('s3cret');
    expect(await verifyPassword('s3cret pass', hash)).toBe(true);
  });

  it('refuses an empty password', () => {
    const r = run('');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No password on standard input');
  });
});

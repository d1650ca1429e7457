import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Dashboard passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64): the
 * format names its own cost, so a stronger one can be chosen later without breaking old hashes.
 */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** The parsed hash, or a sentence saying what is wrong with it. */
export function parsePasswordHash(text: string): ParsedHash | string {
  const m = FORMAT.exec(text.trim());
  if (!m) return 'is not an scrypt$N$r$p$salt$hash string (make one with `pnpm hash-password`)';
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || (N & (N - 1)) !== 0 || N > 2 ** 20) return 'has an N that is not a power of two';
  if (r < 1 || r > 32 || p < 1 || p > 16) return 'has an r or p out of range';
  const hash = Buffer.from(m[5]!, 'base64');
  if (hash.length < 16) return 'has a hash shorter than 16 bytes';
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64'), hash };
}

const derive = (password: string, salt: Buffer, N: number, r: number, p: number, len: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, len, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost.N, cost.r, cost.p, KEY_BYTES);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Timing-safe: the comparison takes as long whatever the first differing byte. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (typeof parsed === 'string') return false;
  const key = await derive(password, parsed.salt, parsed.N, parsed.r, parsed.p, parsed.hash.length);
  return timingSafeEqual(key, parsed.hash);
}

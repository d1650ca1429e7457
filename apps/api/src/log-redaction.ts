/** Property names whose values never reach a log line, at any depth (compared in lower case). */
const SECRET_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-amz-security-token',
  'secretaccesskey',
  'sessiontoken',
  'password',
  'passwordhash',
]);

export const REDACTED = '[Redacted]';

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of a log object with every secret-named property redacted, however deep it sits
 * (pino's `redact` takes fixed paths only; a plugin may log `busboyOptions.headers.cookie`).
 * Plain objects and arrays are walked, up to a depth; other objects (errors, streams) are
 * left to pino's serializers. Objects without a secret come back as they were.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v: unknown) => {
      const r = redactSecrets(v, depth + 1);
      if (r !== v) changed = true;
      return r;
    });
    return (changed ? out : value) as T;
  }
  if (!isPlain(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const r = SECRET_NAMES.has(k.toLowerCase()) ? REDACTED : redactSecrets(v, depth + 1);
    if (r !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = r;
  }
  return (out ?? value) as T;
}

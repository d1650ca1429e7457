import { isIP } from 'node:net';
import { DEFAULT_API_RATE_LIMIT } from './env-schema.js';

/**
 * How the API meets the network in front of it: which Host names it answers for, which
 * proxies it believes, how hard one session may push it. Read from the environment by
 * config.ts; every field has a safe default for a dashboard on loopback.
 */
export interface HttpConfig {
  /** Host names (and name:port) requests may carry; see hostAllowed. */
  allowedHosts: AllowedHosts;
  /** Fastify's `trustProxy`: who may set X-Forwarded-For/-Proto/-Host. False: nobody. */
  trustProxy: boolean | number | string[];
  /** Requests per session (or client address, before sign-in) per minute on /api; 0 = no limit. */
  apiRateLimitPerMinute: number;
  /** Serve the web build's source maps (off: they answer 404). */
  serveSourceMaps: boolean;
  /**
   * STOWAGE_PUBLIC_URL: the URL users open, what share links start with; undefined: the
   * request's own scheme and Host.
   */
  publicUrl: string | undefined;
}

export interface AllowedHosts {
  /** `STOWAGE_ALLOWED_HOSTS=*`: the check is off (the operator's proxy checks Host). */
  any: boolean;
  /** Lower-case names, `name` or `name:port`; `.example.com` matches every subdomain. */
  names: string[];
}

/** Loopback names a browser on this machine uses; IP literals are always allowed. */
export const LOOPBACK_NAMES = ['localhost'];

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  allowedHosts: { any: false, names: LOOPBACK_NAMES },
  trustProxy: false,
  apiRateLimitPerMinute: DEFAULT_API_RATE_LIMIT,
  serveSourceMaps: false,
  publicUrl: undefined,
};

/**
 * The names a Host header may carry. A DNS-rebinding page reaches the server under the
 * attacker's own name, never under an IP literal (the browser would then connect to that
 * address, which is this server's page already), so every IP literal is allowed and names
 * must be listed: loopback names, HOST when it is a name, the public URL's host, and
 * STOWAGE_ALLOWED_HOSTS.
 */
export function allowedHostsFrom(
  listed: string | undefined,
  host: string,
  publicUrl: string | undefined,
): AllowedHosts | string {
  const entries = (listed ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (entries.includes('*')) return { any: true, names: [] };
  const bad = entries.find(
    (e) => !/^(\*?\.)?[a-z0-9_.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(e),
  );
  if (bad !== undefined) {
    return `STOWAGE_ALLOWED_HOSTS: "${bad}" is not a host name (name, name:port, .domain for its subdomains, or *)`;
  }
  const names = new Set([...LOOPBACK_NAMES, ...entries.map((e) => e.replace(/^\*\./, '.'))]);
  if (!isIP(host) && host !== '0.0.0.0' && host !== '::') names.add(host.toLowerCase());
  // A URL that does not parse is the schema's problem to report (env-schema.ts).
  if (publicUrl && URL.canParse(publicUrl)) names.add(new URL(publicUrl).host.toLowerCase());
  return { any: false, names: [...names] };
}

/**
 * Said at start when Stowage listens on every interface but answers no name of its own: a
 * browser that opens http://machine-name:port would get 421.
 */
export function allowedHostsHint(host: string, allowed: AllowedHosts): string | undefined {
  const everywhere = host === '0.0.0.0' || host === '::';
  if (!everywhere || allowed.any || allowed.names.some((n) => !LOOPBACK_NAMES.includes(n))) {
    return undefined;
  }
  return (
    `Listening on ${host}: requests are answered for IP addresses and localhost only. Set ` +
    'STOWAGE_PUBLIC_URL (or STOWAGE_ALLOWED_HOSTS) to the name users open; others get 421.'
  );
}

/** Splits a Host header value into its name (lower case, no trailing dot) and port. */
function splitHost(value: string): { name: string; port: string | undefined } {
  const v = value.trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(v);
  const name = (m?.[1] ?? v).replace(/\.$/, '');
  return { name, port: m?.[2] || undefined };
}

/** Does this Host header name this server? */
export function hostAllowed(allowed: AllowedHosts, header: string | undefined): boolean {
  if (allowed.any) return true;
  if (!header) return false;
  const { name, port } = splitHost(header);
  if (!name) return false;
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  if (isIP(bare)) return true;
  for (const entry of allowed.names) {
    if (entry === name || (port !== undefined && entry === `${name}:${port}`)) return true;
    if (entry.startsWith('.') && (name.endsWith(entry) || name === entry.slice(1))) return true;
  }
  return false;
}

/**
 * STOWAGE_TRUST_PROXY: unset or false (trust no proxy header), true (any peer: only when the
 * port is reachable through the proxy alone), a hop count, or a list of proxy addresses and
 * CIDR ranges (also proxy-addr's names `loopback`, `linklocal`, `uniquelocal`).
 */
export function trustProxyFrom(value: string | undefined): HttpConfig['trustProxy'] | string {
  const v = value?.trim();
  if (!v || /^(false|no|off|0)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  const bad = list.find((s) => !named.includes(s) && !isIP(s.split('/')[0] ?? ''));
  if (bad !== undefined) {
    return `STOWAGE_TRUST_PROXY: "${bad}" is not an address, CIDR range, loopback, linklocal or uniquelocal (or use true, false or a hop count)`;
  }
  return list;
}

/** Fastify's `trustProxy` for the setting; a hop count is a function there (proxy-addr's rule). */
export function trustProxyOption(value: HttpConfig['trustProxy']) {
  if (typeof value !== 'number') return value;
  return (_address: string, hop: number) => hop < value;
}

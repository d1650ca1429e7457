import path from 'node:path';
import { parseAuditDestinations } from '../audit/audit-destinations.js';
import { parsePasswordHash } from '../auth/password-hash.js';
import { isLoopbackHost } from './access.js';
import { readCaBundle } from './ca-bundle.js';
import { SIGV2_PATH_STYLE_PROBLEM } from './connection.js';
import { endpointOf, envEntry, isEmbedded, profileLinkVariablesSet } from './env-entry.js';
import type { Env } from './env-schema.js';
import { allowedHostsFrom, trustProxyFrom } from './http.js';
import type { ProfileFileEntry, ProfilesFile } from './profiles-file.js';

/**
 * What the schema of each field cannot see: the rules across fields and files (keys in pairs,
 * passwords with server-held keys, SigV2 with path-style, readable CA bundles…). Each problem
 * is the sentence the operator reads at start.
 */

/** Every problem of the whole configuration, as the sentence the operator reads. */
export function problemsOf(
  e: Env,
  file: { path: string; content: ProfilesFile } | undefined,
): string[] {
  const problems: string[] = [];
  const endpoint = endpointOf(e);
  const embedded = isEmbedded(e);
  const authOff = e.STOWAGE_AUTH === 'off';
  if (e.STOWAGE_AUDIT_LOG !== undefined) {
    const audit = parseAuditDestinations(e.STOWAGE_AUDIT_LOG);
    if ('problem' in audit) problems.push(audit.problem);
  }
  if (e.STOWAGE_ADMIN && file) {
    problems.push(
      "STOWAGE_ADMIN marks the environment's profile as an admin's; with a profiles file, set `admin: true` on a profile instead",
    );
  }
  if (endpoint && !/^https?:\/\//i.test(endpoint)) {
    problems.push(`The S3 endpoint must start with http:// or https:// (got ${endpoint})`);
  }
  if (Boolean(e.AWS_ACCESS_KEY_ID) !== Boolean(e.AWS_SECRET_ACCESS_KEY)) {
    problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together (or leave both unset)');
  }
  if (Boolean(e.STOWAGE_EMBEDDED_ACCESS_KEY_ID) !== Boolean(e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY)) {
    problems.push(
      'STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY go together (or leave both unset for the demo keys)',
    );
  } else if (e.STOWAGE_EMBEDDED_ACCESS_KEY_ID && !embedded) {
    problems.push(
      "STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY set the embedded store's keys, but the embedded store is off when an endpoint, AWS_ACCESS_KEY_ID or a profiles file is set: unset them",
    );
  }
  const envCa = e.AWS_CA_BUNDLE && caBundleProblem(path.resolve(e.AWS_CA_BUNDLE), 'AWS_CA_BUNDLE');
  if (envCa) problems.push(envCa);
  const v2 = e.STOWAGE_S3_SIGNATURE_VERSION === 'v2';
  if (v2 && e.STOWAGE_S3_FORCE_PATH_STYLE === false) problems.push(SIGV2_PATH_STYLE_PROBLEM);
  if (v2 && embedded) {
    problems.push(
      'STOWAGE_S3_SIGNATURE_VERSION=v2 is for a configured store (set AWS_ENDPOINT_URL_S3 and the keys); the embedded store is signed with v4',
    );
  }
  problems.push(...networkProblems(e));
  if (authOff && !isLoopbackHost(e.HOST)) {
    problems.push(
      `STOWAGE_AUTH=off is allowed only on a loopback HOST (127.0.0.1, ::1, localhost), not ${e.HOST}`,
    );
  }
  if (file && e.STOWAGE_PASSWORD_HASH) {
    problems.push(
      'STOWAGE_PASSWORD_HASH is for env alone: with a profiles file, give each profile its "passwordHash"',
    );
  }
  const linkVariables = profileLinkVariablesSet(e);
  if (file && linkVariables.length > 0) {
    problems.push(
      `${linkVariables.join(', ')}: the STOWAGE_LINK_* profile settings are for env alone: with a profiles file, give each profile its "links"`,
    );
  }
  if (file && e.STOWAGE_UPLOAD_TRANSPORT) {
    problems.push(
      'STOWAGE_UPLOAD_TRANSPORT is for env alone: with a profiles file, give each profile its "uploadTransport"',
    );
  }
  if (file && e.STOWAGE_DOWNLOADS) {
    problems.push(
      'STOWAGE_DOWNLOADS is for env alone: with a profiles file, give each profile its "downloads"',
    );
  }
  const entries = file ? file.content.profiles : [envEntry(e)];
  if (file) problems.push(...fileProblems(e, file));
  // A profile that single sign-on's roles use needs no dashboard password (SSO alone signs in).
  const ssoProfiles = new Set(file?.content.sso?.roles.map((r) => r.profile));
  for (const entry of entries) {
    problems.push(...keyProblems(entry, authOff || ssoProfiles.has(entry.name)));
    problems.push(...linkProblems(entry, file ? 'file' : 'env', embedded));
  }
  const defaultName = file?.content.defaultProfile ?? entries[0]!.name;
  const first = entries.find((p) => p.name === defaultName);
  if (authOff && first && !first.accessKeyId && !embedded) {
    problems.push(
      `STOWAGE_AUTH=off needs a default profile whose keys the server holds ("${first.name}" has none)`,
    );
  }
  return problems;
}

/** Why the CA bundle cannot be used, or undefined. */
function caBundleProblem(file: string, label: string): string | undefined {
  try {
    readCaBundle(file, label);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** What only a profiles file can get wrong: its names, its defaults, its connections. */
function fileProblems(e: Env, file: { path: string; content: ProfilesFile }): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of file.content.profiles) {
    const at = `${file.path}: profile "${p.name}"`;
    if (seen.has(p.name)) problems.push(`${at} is defined twice`);
    seen.add(p.name);
    if (Boolean(p.accessKeyId) !== Boolean(p.secretAccessKey)) {
      problems.push(`${at}: accessKeyId and secretAccessKey go together`);
    }
    const v2 = (p.signatureVersion ?? e.STOWAGE_S3_SIGNATURE_VERSION) === 'v2';
    if (v2 && (p.forcePathStyle ?? e.STOWAGE_S3_FORCE_PATH_STYLE) === false) {
      problems.push(
        `${at}: signatureVersion "v2" needs path-style addressing: leave forcePathStyle out or set it true`,
      );
    }
    if (p.caBundle) {
      const caFile = path.resolve(path.dirname(file.path), p.caBundle);
      const problem = caBundleProblem(caFile, 'caBundle');
      if (problem) problems.push(`${at}: ${problem}`);
    }
  }
  const { defaultProfile } = file.content;
  if (defaultProfile && !seen.has(defaultProfile)) {
    problems.push(`${file.path}: defaultProfile "${defaultProfile}" is not one of the profiles`);
  }
  return problems;
}

/**
 * A dashboard password goes with server-held keys, and server-held keys with a password (unless
 * nobody signs in with one: STOWAGE_AUTH=off, or a profile single sign-on's roles use).
 */
function keyProblems(p: ProfileFileEntry, noPasswordNeeded: boolean): string[] {
  if (p.passwordHash) {
    const problems: string[] = [];
    const parsed = parsePasswordHash(p.passwordHash);
    if (typeof parsed === 'string') {
      problems.push(`The password hash of profile "${p.name}" ${parsed}`);
    }
    if (!p.accessKeyId) {
      problems.push(
        `Profile "${p.name}" has a password hash but no keys: its users sign in with their own S3 keys`,
      );
    }
    return problems;
  }
  if (p.accessKeyId && p.secretAccessKey && !noPasswordNeeded) {
    return [
      `Profile "${p.name}" holds S3 keys but no dashboard password: make a hash with ` +
        '`pnpm hash-password` and set STOWAGE_PASSWORD_HASH (or "passwordHash" in the ' +
        'profiles file), or set STOWAGE_AUTH=off on a loopback HOST',
    ];
  }
  return [];
}

/**
 * A profile's share links: link keys go in pairs; relay by default needs keys the server holds;
 * a records bucket must be one the profile may reach.
 */
function linkProblems(p: ProfileFileEntry, from: 'file' | 'env', embedded: boolean): string[] {
  const l = p.links;
  if (!l) return [];
  const name = (field: 'accessKeyId' | 'secretAccessKey' | 'defaultMode' | 'bucket') =>
    from === 'env'
      ? {
          accessKeyId: 'STOWAGE_LINK_ACCESS_KEY_ID',
          secretAccessKey: 'STOWAGE_LINK_SECRET_ACCESS_KEY',
          defaultMode: 'STOWAGE_LINK_MODE',
          bucket: 'STOWAGE_LINK_BUCKET',
        }[field]
      : `links.${field}`;
  const at = `Profile "${p.name}"`;
  const problems: string[] = [];
  if (Boolean(l.accessKeyId) !== Boolean(l.secretAccessKey)) {
    problems.push(`${at}: ${name('accessKeyId')} and ${name('secretAccessKey')} go together`);
  }
  const keys = Boolean(l.accessKeyId && l.secretAccessKey) || Boolean(p.accessKeyId) || embedded;
  if (l.defaultMode === 'relay' && !keys) {
    problems.push(
      `${at}: ${name('defaultMode')} "relay" needs keys the server holds to serve links with: set ${name('accessKeyId')} and ${name('secretAccessKey')}, or make direct the default`,
    );
  }
  if (l.bucket && p.buckets && !p.buckets.includes(l.bucket)) {
    problems.push(
      `${at}: ${name('bucket')} "${l.bucket}" is not one of its buckets (${p.buckets.join(', ')}): link records could not be kept there`,
    );
  }
  return problems;
}

function networkProblems(e: Env): string[] {
  const allowedHosts = allowedHostsFrom(e.STOWAGE_ALLOWED_HOSTS, e.HOST, e.STOWAGE_PUBLIC_URL);
  const trustProxy = trustProxyFrom(e.STOWAGE_TRUST_PROXY);
  const problems = [allowedHosts, trustProxy].filter((v): v is string => typeof v === 'string');
  if (typeof allowedHosts === 'object' && allowedHosts.any && e.STOWAGE_AUTH === 'off') {
    problems.push(
      'STOWAGE_ALLOWED_HOSTS=* is refused with STOWAGE_AUTH=off: any web page could then reach this server through a name of its own (DNS rebinding)',
    );
  }
  return problems;
}

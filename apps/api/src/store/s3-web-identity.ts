import http from 'node:http';
import https from 'node:https';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { readCaBundle } from '../config/ca-bundle.js';
import { HttpError } from '../errors.js';
import { mapS3Error } from './s3-errors.js';

/**
 * Identity passthrough (issue 21): the signed-in person's own ID token is exchanged for
 * temporary store credentials with STS AssumeRoleWithWebIdentity, sent to the STORE's endpoint
 * (AWS, MinIO, Ceph RGW with STS enabled), so the store's role policies decide what the person
 * may do and its logs name them (RGW logs `$oidc$<sub>`). The credentials live only here, in the
 * API process: no route returns them, the browser never sees them.
 *
 * One cache entry per (session, store endpoint, role): refreshed `refreshBeforeMs` before the
 * store says they expire, and single-flight (concurrent requests of one session share one STS
 * call). `provider()` gives the S3Client a credentials function that does all this per request.
 *
 * The seam for the role config (profiles file, oidc helper): a role rule
 * `{ identity: "passthrough", roleArn, durationSeconds? }` on a profile whose endpoint runs STS;
 * the session supplies the subject and its current ID token (README "Identity passthrough (STS)").
 */

/** Where and as what to assume the role: the store's endpoint and the role the rule names. */
export interface WebIdentityTarget {
  /** The store's endpoint (STS is asked there); undefined: AWS's own STS for `region`. */
  endpoint: string | undefined;
  region: string;
  /** e.g. `arn:aws:iam:::role/team-a` (Ceph, MinIO) or `arn:aws:iam::123456789012:role/x`. */
  roleArn: string;
  /** 900–43200; the role's MaxSessionDuration caps it (RGW's default role: 3600). */
  durationSeconds?: number;
  tlsVerify?: boolean;
  caBundlePath?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** The person: their subject (the session name) and a getter of their current ID token. */
export interface WebIdentity {
  /** Stable per sign-in session: one cache entry per session (e.g. the session id). */
  sessionKey: string;
  /** The ID token's `sub` (or a name): sanitized to STS's RoleSessionName rules. */
  subject: string;
  /** The current ID token; read again at each refresh (a re-sign-in brings a new one). */
  idToken: () => string | Promise<string>;
}

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface WebIdentityCredentialsOptions {
  /** Refresh this long before the credentials expire (default 5 minutes). */
  refreshBeforeMs?: number;
  now?: () => number;
}

const DEFAULT_REFRESH_BEFORE_MS = 5 * 60_000;

/**
 * STS RoleSessionName: 2–64 characters of `[\w+=,.@-]`. Other characters become `-`, a longer
 * subject is cut (keeping its end unique enough with a short hash), a short one padded.
 */
export function stsSessionName(subject: string): string {
  let name = subject.replace(/[^\w+=,.@-]/g, '-');
  if (name.length > 64) name = `${name.slice(0, 55)}-${shortHash(subject)}`;
  while (name.length < 2) name += '-';
  return name;
}

function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

interface Entry {
  credentials?: TemporaryCredentials;
  pending?: Promise<TemporaryCredentials>;
}

export class WebIdentityCredentials {
  private readonly entries = new Map<string, Entry>();
  private readonly clients = new Map<string, STSClient>();
  private readonly refreshBeforeMs: number;
  private readonly now: () => number;
  /** STS calls made (tests read it: refresh and single-flight). */
  exchanges = 0;

  constructor(options: WebIdentityCredentialsOptions = {}) {
    this.refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
    this.now = options.now ?? Date.now;
  }

  /** Valid credentials for this person on this target: cached, refreshed, single-flight. */
  async get(target: WebIdentityTarget, who: WebIdentity): Promise<TemporaryCredentials> {
    const key = `${who.sessionKey}\n${target.endpoint ?? ''}\n${target.roleArn}`;
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = {}));
    const held = entry.credentials;
    if (held && held.expiration.getTime() - this.refreshBeforeMs > this.now()) return held;
    if (entry.pending) return entry.pending;
    const current = entry;
    current.pending = this.exchange(target, who).then(
      (fresh) => {
        current.credentials = fresh;
        current.pending = undefined;
        return fresh;
      },
      (err: unknown) => {
        current.pending = undefined;
        throw err;
      },
    );
    return current.pending;
  }

  /** A credentials provider for an S3Client of this person: every request gets valid keys. */
  provider(target: WebIdentityTarget, who: WebIdentity): () => Promise<TemporaryCredentials> {
    return async () => {
      const c = await this.get(target, who);
      return { ...c };
    };
  }

  /** Drops a session's credentials (sign-out, session end). */
  forget(sessionKey: string): void {
    for (const key of this.entries.keys()) {
      if (key.startsWith(`${sessionKey}\n`)) this.entries.delete(key);
    }
  }

  private async exchange(
    target: WebIdentityTarget,
    who: WebIdentity,
  ): Promise<TemporaryCredentials> {
    const where = target.endpoint ?? `AWS STS (${target.region})`;
    const token = await who.idToken();
    if (!token) {
      throw new HttpError('SessionEnded', 'No ID token for this session: sign in again');
    }
    this.exchanges++;
    let out;
    try {
      out = await this.client(target).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: target.roleArn,
          RoleSessionName: stsSessionName(who.subject),
          WebIdentityToken: token,
          DurationSeconds: target.durationSeconds,
        }),
      );
    } catch (err) {
      throw mapStsError(err, where, target.roleArn);
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new HttpError(
        'StsUnsupported',
        `The store at ${where} answered AssumeRoleWithWebIdentity without credentials: ` +
          'it does not offer STS (on Ceph RGW: rgw_s3_auth_use_sts and rgw_sts_key)',
      );
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  }

  private client(target: WebIdentityTarget): STSClient {
    const key = JSON.stringify([
      target.endpoint,
      target.region,
      target.tlsVerify,
      target.caBundlePath,
      target.connectTimeoutMs,
      target.requestTimeoutMs,
    ]);
    let client = this.clients.get(key);
    if (!client) {
      const ca = target.caBundlePath ? readCaBundle(target.caBundlePath) : undefined;
      client = new STSClient({
        endpoint: target.endpoint,
        region: target.region,
        // AssumeRoleWithWebIdentity is unsigned: the token is the proof. No key pair is sent.
        maxAttempts: 2,
        requestHandler: new NodeHttpHandler({
          connectionTimeout: target.connectTimeoutMs ?? 5_000,
          requestTimeout: target.requestTimeoutMs ?? 15_000,
          throwOnRequestTimeout: true,
          httpAgent: new http.Agent({ keepAlive: true }),
          httpsAgent: new https.Agent({
            keepAlive: true,
            rejectUnauthorized: target.tlsVerify ?? true,
            ca,
          }),
        }),
      });
      this.clients.set(key, client);
    }
    return client;
  }
}

/** STS error names that mean "this token, for this role: no". */
const REFUSED = new Set([
  'AccessDenied',
  'InvalidIdentityToken',
  'InvalidIdentityTokenException',
  'ExpiredToken',
  'ExpiredTokenException',
  'IDPRejectedClaim',
  'IDPRejectedClaimException',
  'IDPCommunicationError',
  'IDPCommunicationErrorException',
]);
/** Names a store that does not speak STS answers with. */
const UNSUPPORTED = new Set([
  'NotImplemented',
  'InvalidAction',
  'UnknownOperation',
  'MethodNotAllowed',
]);

interface SdkErrorLike {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * The store's answer to the exchange as our error. Ceph RGW 16 answers refusals with an S3-style
 * `<Error><Code>AccessDenied</Code><Message></Message>` (403), which the SDK's STS parser (it
 * expects `<ErrorResponse>`) cannot read: the name is then "Unknown" and the status decides.
 */
export function mapStsError(err: unknown, where: string, roleArn: string): HttpError {
  if (err instanceof HttpError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const name = e.Code ?? e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const known = name && name !== 'Unknown' && name !== 'UnknownError' ? name : '';
  const said = (e.message ?? '').trim();
  const words = said && said !== name && said !== 'UnknownError' ? `: ${said.slice(0, 300)}` : '';
  const store = { name: known, status };
  if (REFUSED.has(name) || status === 403 || status === 401) {
    return new HttpError(
      'IdentityRefused',
      `The store at ${where} refused your identity for role ${roleArn} ` +
        `(${known || status}${words}): the ID token, the role's trust policy, or the store's ` +
        'STS settings (a store without STS refuses an unsigned request the same way)',
      { store },
    );
  }
  if (UNSUPPORTED.has(name) || status === 404 || status === 405 || status === 501) {
    return new HttpError(
      'StsUnsupported',
      `The store at ${where} does not offer STS AssumeRoleWithWebIdentity ` +
        `(${known || status}${words})`,
      { store },
    );
  }
  if (status === 400) {
    return new HttpError(
      'StoreRejectedInput',
      `The store at ${where} refused the AssumeRoleWithWebIdentity request for role ` +
        `${roleArn} (${known || status}${words})`,
      { store },
    );
  }
  return mapS3Error(err, where);
}

import { intersectAllowlists } from '@stowage/shared';
import { isLoopbackHost } from './access.js';
import type { ProfileFileEntry, SsoFile } from './profiles-file.js';

/**
 * Single sign-on with OpenID Connect (issue 21): the profiles file's `sso` section, resolved.
 * A role maps a value of the groups claim to a profile whose keys the server holds, read-only
 * or not, and a bucket allowlist inside the profile's own.
 */
export interface SsoConfig {
  issuer: string;
  clientId: string;
  /** Undefined: a public client (PKCE alone). */
  clientSecret: string | undefined;
  scopes: string[];
  claim: string;
  buttonName: string;
  roles: SsoRole[];
}

export interface SsoRole {
  value: string;
  profile: string;
  /** The role's own readOnly, or the profile's. */
  readOnly: boolean;
  /** The role's allowlist inside the profile's (undefined: every bucket the keys see). */
  buckets: string[] | undefined;
  /**
   * `identity: "passthrough"`: the person acts with their own store identity, their ID token
   * exchanged by STS for temporary credentials of this role (store/s3-web-identity.ts), not with
   * the profile's keys. Undefined: `identity: "profile"`, the keys the server holds.
   */
  passthrough?: SsoPassthrough | undefined;
}

export interface SsoPassthrough {
  roleArn: string;
  /** 900–43200 (default 3600); the store's role may cap it (its MaxSessionDuration). */
  durationSeconds: number;
}

export const DEFAULT_STS_DURATION_SECONDS = 3600;
/** `arn:<partition>:iam::<account, empty on Ceph and MinIO>:role/<path/name>`. */
const ROLE_ARN_RE = /^arn:[a-z][a-z-]*:iam::(\d{12})?:role\/[\w+=,.@/-]{1,512}$/;

export const DEFAULT_SSO_SCOPES = ['openid', 'profile', 'email'];
export const DEFAULT_SSO_CLAIM = 'groups';

/** The client secret from the file or from the variable it names. */
export function ssoClientSecret(sso: SsoFile, env: Record<string, string | undefined>) {
  return sso.clientSecret ?? (sso.clientSecretEnv ? env[sso.clientSecretEnv] : undefined);
}

/** What the schema cannot see: profiles that exist and hold keys, the secret, the issuer. */
export function ssoProblems(
  sso: SsoFile,
  profiles: ProfileFileEntry[],
  env: Record<string, string | undefined>,
  where: string,
): string[] {
  const problems: string[] = [];
  const at = `${where}: sso`;
  if (sso.clientSecret && sso.clientSecretEnv) {
    problems.push(`${at}: give clientSecret or clientSecretEnv, not both`);
  } else if (sso.clientSecretEnv && !env[sso.clientSecretEnv]) {
    problems.push(
      `${at}.clientSecretEnv: the environment variable ${sso.clientSecretEnv} is not set`,
    );
  }
  const issuer = URL.canParse(sso.issuer) ? new URL(sso.issuer) : undefined;
  if (issuer?.protocol === 'http:' && !isLoopbackHost(issuer.hostname)) {
    problems.push(`${at}.issuer: must be https:// (http:// is for a provider on this machine)`);
  }
  sso.roles.forEach((role, i) => {
    const r = `${at}.roles[${i}]`;
    const profile = profiles.find((p) => p.name === role.profile);
    if (!profile) {
      problems.push(`${r}.profile: "${role.profile}" is not one of the profiles`);
      return;
    }
    if (role.identity === 'passthrough') {
      problems.push(...passthroughProblems(role, profile, env, r));
    } else {
      if (role.roleArn !== undefined || role.durationSeconds !== undefined) {
        problems.push(
          `${r}: roleArn and durationSeconds are for "identity": "passthrough" (the person's own identity through STS)`,
        );
      }
      if (!profile.accessKeyId || !profile.secretAccessKey) {
        problems.push(
          `${r}.profile: "${role.profile}" holds no keys (accessKeyId and secretAccessKey): an SSO role acts with keys the server holds (or give the role "identity": "passthrough" and a roleArn)`,
        );
      }
    }
    const buckets = intersectAllowlists(profile.buckets, role.buckets);
    if (buckets && buckets.length === 0) {
      problems.push(
        `${r}.buckets: none of them is one of profile "${role.profile}"'s buckets (${profile.buckets!.join(', ')})`,
      );
    }
  });
  return problems;
}

/** A passthrough role: its role ARN, and a profile whose requests can carry temporary credentials. */
function passthroughProblems(
  role: SsoFile['roles'][number],
  profile: ProfileFileEntry,
  env: Record<string, string | undefined>,
  r: string,
): string[] {
  const problems: string[] = [];
  if (role.roleArn === undefined) {
    problems.push(
      `${r}.roleArn: "identity": "passthrough" needs the store role to assume (e.g. "arn:aws:iam:::role/team-a")`,
    );
  } else if (!ROLE_ARN_RE.test(role.roleArn)) {
    problems.push(
      `${r}.roleArn: "${role.roleArn}" is not a role ARN (arn:aws:iam::<account, or nothing on Ceph and MinIO>:role/<name>)`,
    );
  }
  const signatureVersion = profile.signatureVersion ?? env.STOWAGE_S3_SIGNATURE_VERSION;
  if (signatureVersion === 'v2') {
    problems.push(
      `${r}.profile: "${role.profile}" signs with SigV2: the temporary credentials of "identity": "passthrough" need SigV4 (its session token is not sent with SigV2 here)`,
    );
  }
  return problems;
}

/** The section as the server uses it (after ssoProblems found nothing). */
export function resolveSso(
  sso: SsoFile,
  profiles: ProfileFileEntry[],
  env: Record<string, string | undefined>,
): SsoConfig {
  const scopes = sso.scopes ?? DEFAULT_SSO_SCOPES;
  return {
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret: ssoClientSecret(sso, env),
    scopes: scopes.includes('openid') ? scopes : ['openid', ...scopes],
    claim: sso.claim ?? DEFAULT_SSO_CLAIM,
    buttonName: sso.buttonName ?? 'single sign-on',
    roles: sso.roles.map((role) => {
      const profile = profiles.find((p) => p.name === role.profile)!;
      return {
        value: role.value,
        profile: role.profile,
        readOnly: (role.readOnly ?? false) || (profile.readOnly ?? false),
        buckets: intersectAllowlists(profile.buckets, role.buckets),
        passthrough:
          role.identity === 'passthrough'
            ? {
                roleArn: role.roleArn!,
                durationSeconds: role.durationSeconds ?? DEFAULT_STS_DURATION_SECONDS,
              }
            : undefined,
      };
    }),
  };
}

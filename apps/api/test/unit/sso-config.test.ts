import { describe, expect, it } from 'vitest';
import { bucketAllowed, intersectAllowlists } from '@stowage/shared';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { problemsOf as configProblems, profilesFile } from './config-fixtures.js';

const HASH =
  'scrypt$1024$8$1$p1o6xOfxr/bdp4mnYmsRNQ==$AeXTef3LVFrgy2VMH1ZL+wJ0I0yxU09HrxyUJGH/aHs=';
const store = { endpoint: 'http://rgw:7480' };
const profiles = [
  { name: 'admin', ...store, accessKeyId: 'AK', secretAccessKey: 'SK', passwordHash: HASH },
  {
    name: 'teams',
    ...store,
    accessKeyId: 'AK2',
    secretAccessKey: 'SK2',
    passwordHash: HASH,
    buckets: ['team-a-docs', 'team-a-logs', 'team-b-docs'],
  },
  { name: 'own-keys', ...store },
];
const sso = {
  issuer: 'https://id.example.com/realms/acme',
  clientId: 'stowage',
  clientSecretEnv: 'SSO_SECRET',
  roles: [
    { value: 'storage-admins', profile: 'admin' },
    { value: 'team-a', profile: 'teams', readOnly: true, buckets: ['team-a-*'] },
  ],
};
const fileWith = profilesFile;
const problemsOf = (ssoSection: unknown, env: NodeJS.ProcessEnv = { SSO_SECRET: 's' }) =>
  configProblems({ ...env, STOWAGE_PROFILES_FILE: fileWith({ profiles, sso: ssoSection }) });

describe('sso section of the profiles file', () => {
  it('resolves roles: readOnly, the role allowlist inside the profile one, defaults', () => {
    const c = loadConfig({
      SSO_SECRET: 'from-env',
      STOWAGE_PROFILES_FILE: fileWith({ profiles, sso }),
    });
    expect(c.access.sso).toEqual({
      issuer: sso.issuer,
      clientId: 'stowage',
      clientSecret: 'from-env',
      scopes: ['openid', 'profile', 'email'],
      claim: 'groups',
      buttonName: 'single sign-on',
      roles: [
        { value: 'storage-admins', profile: 'admin', readOnly: false, buckets: undefined },
        {
          value: 'team-a',
          profile: 'teams',
          readOnly: true,
          buckets: ['team-a-docs', 'team-a-logs'],
        },
      ],
    });
  });

  it('refuses to start, naming the field: unknown profile, profile without keys, bad pattern', () => {
    const problems = problemsOf({
      ...sso,
      roles: [
        { value: 'x', profile: 'nope' },
        { value: 'y', profile: 'own-keys' },
        { value: 'z', profile: 'admin', buckets: ['Team*A'] },
        { value: 'w', profile: 'teams', buckets: ['other-*'] },
      ],
    });
    expect(problems.join('\n')).toContain(
      'sso.roles[0].profile: "nope" is not one of the profiles',
    );
    expect(problems.join('\n')).toContain('sso.roles[1].profile: "own-keys" holds no keys');
    expect(problems.join('\n')).toContain('sso.roles[2].buckets.0: is a bucket name, or the start');
    expect(problems.join('\n')).toContain(
      'sso.roles[3].buckets: none of them is one of profile "teams"\'s buckets',
    );
  });

  it('refuses a missing secret variable, both secrets, a plain-http remote issuer, no roles', () => {
    expect(problemsOf(sso, {}).join()).toContain(
      'sso.clientSecretEnv: the environment variable SSO_SECRET is not set',
    );
    expect(problemsOf({ ...sso, clientSecret: 'x' }).join()).toContain(
      'give clientSecret or clientSecretEnv, not both',
    );
    expect(problemsOf({ ...sso, issuer: 'http://id.example.com' }).join()).toContain(
      'sso.issuer: must be https://',
    );
    expect(problemsOf({ ...sso, issuer: 'http://127.0.0.1:9000' })).toEqual([]);
    expect(problemsOf({ ...sso, roles: [] }).join()).toContain('roles lists at least one rule');
    expect(problemsOf({ ...sso, extra: 1 }).join()).toContain('sso');
  });

  it('a profile only single sign-on uses needs no dashboard password; others still do', () => {
    const { passwordHash: _h, ...ssoOnly } = profiles[0] as (typeof profiles)[0] & {
      passwordHash: string;
    };
    const { passwordHash: _h2, ...other } = profiles[1] as (typeof profiles)[1] & {
      passwordHash: string;
    };
    const load = (list: unknown[]) =>
      loadConfig({
        SSO_SECRET: 's',
        STOWAGE_PROFILES_FILE: fileWith({
          profiles: list,
          sso: { ...sso, roles: [{ value: 'storage-admins', profile: 'admin' }] },
        }),
      });
    expect(load([ssoOnly]).access.profiles[0]).toMatchObject({ passwordHash: undefined });
    expect(() => load([ssoOnly, other])).toThrow(
      'Profile "teams" holds S3 keys but no dashboard password',
    );
  });

  it('a passthrough role: roleArn and durationSeconds (default 3600), a profile without keys', () => {
    const c = loadConfig({
      SSO_SECRET: 's',
      STOWAGE_PROFILES_FILE: fileWith({
        profiles,
        sso: {
          ...sso,
          roles: [
            {
              value: 'team-a',
              profile: 'own-keys',
              identity: 'passthrough',
              roleArn: 'arn:aws:iam:::role/team-a',
            },
            {
              value: 'ops',
              profile: 'admin',
              identity: 'passthrough',
              roleArn: 'arn:aws:iam::123456789012:role/path/ops',
              durationSeconds: 900,
            },
            { value: 'storage-admins', profile: 'admin', identity: 'profile' },
          ],
        },
      }),
    });
    expect(c.access.sso?.roles.map((r) => r.passthrough)).toEqual([
      { roleArn: 'arn:aws:iam:::role/team-a', durationSeconds: 3600 },
      { roleArn: 'arn:aws:iam::123456789012:role/path/ops', durationSeconds: 900 },
      undefined,
    ]);
  });

  it('refuses a passthrough role without a role ARN, a bad one, a bad duration, SigV2, another identity', () => {
    const v2 = { name: 'v2', ...store, signatureVersion: 'v2', forcePathStyle: true };
    const problems = (roles: unknown[], env: NodeJS.ProcessEnv = { SSO_SECRET: 's' }) => {
      try {
        loadConfig({
          ...env,
          STOWAGE_PROFILES_FILE: fileWith({ profiles: [...profiles, v2], sso: { ...sso, roles } }),
        });
      } catch (err) {
        if (err instanceof ConfigError) return err.problems.join('\n');
        throw err;
      }
      return '';
    };
    const pass = { value: 'x', profile: 'own-keys', identity: 'passthrough' };
    expect(problems([pass])).toContain(
      'sso.roles[0].roleArn: "identity": "passthrough" needs the store role to assume',
    );
    expect(problems([{ ...pass, roleArn: 'team-a' }])).toContain(
      'sso.roles[0].roleArn: "team-a" is not a role ARN',
    );
    expect(problems([{ ...pass, roleArn: 'arn:aws:s3:::bucket' }])).toContain('is not a role ARN');
    const arn = 'arn:aws:iam:::role/r';
    expect(problems([{ ...pass, roleArn: arn, durationSeconds: 60 }])).toContain(
      'sso.roles[0].durationSeconds: durationSeconds is at least 900',
    );
    expect(problems([{ ...pass, roleArn: arn, durationSeconds: 50_000 }])).toContain(
      'durationSeconds is at most 43200',
    );
    expect(problems([{ ...pass, roleArn: arn, profile: 'v2' }])).toContain(
      'sso.roles[0].profile: "v2" signs with SigV2: the temporary credentials of "identity": "passthrough" need SigV4',
    );
    expect(
      problems([{ ...pass, roleArn: arn }], {
        SSO_SECRET: 's',
        STOWAGE_S3_SIGNATURE_VERSION: 'v2',
      }),
    ).toContain('need SigV4');
    expect(problems([{ ...pass, identity: 'keys', roleArn: arn }])).toContain(
      'sso.roles[0].identity: identity is "profile"',
    );
    expect(problems([{ value: 'x', profile: 'admin', roleArn: arn }])).toContain(
      'sso.roles[0]: roleArn and durationSeconds are for "identity": "passthrough"',
    );
    expect(problems([{ ...pass, roleArn: arn }])).toBe('');
  });

  it('the allowlist matcher: exact names and prefix* patterns', () => {
    expect(bucketAllowed('team-a-docs', ['team-a-*'])).toBe(true);
    expect(bucketAllowed('team-b-docs', ['team-a-*'])).toBe(false);
    expect(bucketAllowed('team-a', ['team-a'])).toBe(true);
    expect(bucketAllowed('team-ab', ['team-a'])).toBe(false);
    expect(intersectAllowlists(undefined, ['a-*'])).toEqual(['a-*']);
    expect(intersectAllowlists(['a-1', 'b-1'], ['a-*'])).toEqual(['a-1']);
    expect(intersectAllowlists(['a-1'], undefined)).toEqual(['a-1']);
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Credentials } from '../src/config/connection.js';
import type { TestProvider } from './oidc-test-provider.js';

/**
 * A signed IAM call to Ceph RGW's STS gateway (curl's SigV4; RGW wants x-amz-content-sha256):
 * what an operator does with `aws iam` to trust a provider and make roles (docs/stores/ceph-rgw.md
 * "STS"). Answers the XML.
 */
export function iam(endpoint: string, keys: Credentials, params: Record<string, string>): string {
  const body = new URLSearchParams({ Version: '2010-05-08', ...params }).toString();
  const hash = createHash('sha256').update(body).digest('hex');
  return execFileSync(
    'curl',
    [
      '-sS',
      '--fail-with-body',
      '--aws-sigv4',
      'aws:amz:us-east-1:iam',
      '--user',
      `${keys.accessKeyId}:${keys.secretAccessKey}`,
      '-H',
      `x-amz-content-sha256: ${hash}`,
      '-H',
      'content-type: application/x-www-form-urlencoded',
      '--data-binary',
      body,
      `${endpoint}/`,
    ],
    { encoding: 'utf8' },
  );
}

/** The trust policy of a role any of `provider`'s tokens for its client may assume. */
export const trustPolicy = (provider: Pick<TestProvider, 'host' | 'clientId'>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: [`arn:aws:iam:::oidc-provider/${provider.host}`] },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: { StringEquals: { [`${provider.host}:app_id`]: provider.clientId } },
      },
    ],
  });

/** What a test asks of RGW's IAM: the STS gateway and the admin's keys. */
export interface IamTarget {
  endpoint: string;
  keys: Credentials;
}

/**
 * Trusts `provider` (CreateOpenIDConnectProvider, with `thumbprint`, by default its own) and
 * makes a role its tokens may assume (CreateRole with trustPolicy); answers the provider's ARN.
 */
export function trustProvider(
  to: IamTarget,
  provider: Pick<TestProvider, 'issuer' | 'host' | 'clientId' | 'thumbprint'>,
  roleName: string,
  thumbprint = provider.thumbprint,
): string {
  const created = iam(to.endpoint, to.keys, {
    Action: 'CreateOpenIDConnectProvider',
    Url: provider.issuer,
    'ClientIDList.member.1': provider.clientId,
    'ThumbprintList.member.1': thumbprint,
  });
  iam(to.endpoint, to.keys, {
    Action: 'CreateRole',
    RoleName: roleName,
    Path: '/',
    AssumeRolePolicyDocument: trustPolicy(provider),
  });
  return /<OpenIDConnectProviderArn>([^<]+)</.exec(created)?.[1] ?? '';
}

/** The role's one policy: list and read `bucket`, nothing else. */
export function allowReading(to: IamTarget, roleName: string, bucket: string): void {
  iam(to.endpoint, to.keys, {
    Action: 'PutRolePolicy',
    RoleName: roleName,
    PolicyName: 'read-one-bucket',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:ListBucket', 's3:GetObject'],
          Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        },
      ],
    }),
  });
}

/** Forgets a provider trusted by trustProvider. */
export function distrust(to: IamTarget, providerArn: string): void {
  iam(to.endpoint, to.keys, {
    Action: 'DeleteOpenIDConnectProvider',
    OpenIDConnectProviderArn: providerArn,
  });
}

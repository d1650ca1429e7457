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

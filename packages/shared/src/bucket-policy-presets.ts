import type { PolicyDocument, PolicyStatement } from './bucket-settings.js';

/**
 * The bucket policy presets the settings page offers, and the check it runs before saving:
 * a policy that lets anyone in is never saved without the user seeing a warning first.
 */

const arn = (bucket: string, path = '') => `arn:aws:s3:::${bucket}${path}`;

/** Anyone (anonymous included) may read the objects under `prefix` ('' = the whole bucket). */
export function publicReadPolicy(bucket: string, prefix = ''): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: arn(bucket, `/${prefix}*`),
      },
    ],
  };
}

/**
 * Refuses every upload that asks for no server-side encryption (the AWS documentation's
 * "deny unencrypted object uploads": a PutObject without `x-amz-server-side-encryption`).
 */
export function denyUnencryptedUploadsPolicy(bucket: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyUnencryptedUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: arn(bucket, '/*'),
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
      },
    ],
  };
}

const isEveryone = (p: PolicyStatement['Principal']) => {
  if (p === '*') return true;
  const aws = p?.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
};

/**
 * True when some Allow statement lets everyone in: its Principal is `"*"` or `{ "AWS": "*" }`,
 * or it has a NotPrincipal (everyone but the few it names).
 */
export function isPublicPolicy(doc: Pick<PolicyDocument, 'Statement'>): boolean {
  return doc.Statement.some(
    (s) => s.Effect === 'Allow' && (isEveryone(s.Principal) || s.NotPrincipal !== undefined),
  );
}

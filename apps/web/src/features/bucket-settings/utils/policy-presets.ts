import type { PolicyDocument, PolicyStatement } from '@stowage/shared';

/** `arn:aws:s3:::bucket/prefix*`: the objects under a prefix (the whole bucket for ""). */
function objectsArn(bucket: string, prefix: string): string {
  return `arn:aws:s3:::${bucket}/${prefix}*`;
}

/** Anyone may read the objects under `prefix` (GetObject only: no listing, no writes). */
export function publicReadStatement(bucket: string, prefix: string): PolicyStatement {
  return {
    Sid: 'PublicReadPrefix',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: objectsArn(bucket, prefix),
  };
}

/** Refuses any upload that does not ask for server-side encryption. */
export function denyUnencryptedUploadsStatement(bucket: string): PolicyStatement {
  return {
    Sid: 'DenyUnencryptedUploads',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: objectsArn(bucket, ''),
    Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
  };
}

/** The document with one more statement (a new document if there was none); Sids stay unique. */
export function withStatement(
  document: PolicyDocument | null,
  statement: PolicyStatement,
): PolicyDocument {
  if (document === null) return { Version: '2012-10-17', Statement: [statement] };
  const taken = new Set(document.Statement.map((s) => s.Sid));
  let sid = statement.Sid;
  for (let n = 2; sid !== undefined && taken.has(sid); n += 1) {
    sid = `${statement.Sid ?? ''}${String(n)}`;
  }
  const added = sid === undefined ? statement : { ...statement, Sid: sid };
  return { ...document, Statement: [...document.Statement, added] };
}

const isWildcard = (value: unknown): boolean =>
  value === '*' || (Array.isArray(value) && value.includes('*'));

/** Does a principal name everyone ("*", or AWS "*")? */
function namesEveryone(principal: PolicyStatement['Principal']): boolean {
  if (principal === undefined) return false;
  if (principal === '*') return true;
  return isWildcard(principal.AWS);
}

/**
 * Would this policy let anyone in? An Allow to every principal (or to all but some, with
 * NotPrincipal) opens the bucket to the internet, whatever its conditions; the editor asks
 * for an explicit confirmation before saving one.
 */
export function isPublicPolicy(document: PolicyDocument): boolean {
  return document.Statement.some(
    (s) => s.Effect === 'Allow' && (namesEveryone(s.Principal) || s.NotPrincipal !== undefined),
  );
}

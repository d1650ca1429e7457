import {
  denyUnencryptedUploadsPolicy,
  publicReadPolicy,
  type PolicyDocument,
  type PolicyStatement,
} from '@stowage/shared';

/** The statement of a preset policy (packages/shared/src/bucket-policy-presets.ts). */
function onlyStatement(document: PolicyDocument): PolicyStatement {
  const [statement] = document.Statement;
  if (!statement) throw new Error('A preset policy has one statement');
  return statement;
}

/** Anyone may read the objects under `prefix` (GetObject only: no listing, no writes). */
export function publicReadStatement(bucket: string, prefix: string): PolicyStatement {
  return onlyStatement(publicReadPolicy(bucket, prefix));
}

/** Refuses any upload that does not ask for server-side encryption. */
export function denyUnencryptedUploadsStatement(bucket: string): PolicyStatement {
  return onlyStatement(denyUnencryptedUploadsPolicy(bucket));
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

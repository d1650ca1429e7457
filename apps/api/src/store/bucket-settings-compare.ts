import type {
  BucketTagsDocument,
  CorsDocument,
  EncryptionDocument,
  LifecycleDocument,
  LifecycleRule,
  VersioningDocument,
} from '@stowage/shared';

/**
 * Whether a bucket setting read back after a PUT is the one that was sent, compared by meaning:
 * stores normalise what they keep (measured on Ceph RGW 16: a rule without an ID gets one,
 * rules come back sorted by ID, `Filter: {}` and `Filter: { Prefix: "" }` come back as the
 * older `Prefix: ""`, an `And` of a prefix and tags as `Filter: { Prefix, And: { Tags } }`, a
 * lone tag in an `And` as `Filter: { Tag }`; AWS adds `BucketKeyEnabled: false`, turns one
 * string into an array). What the store dropped (Ceph 16: an ObjectSize filter, so the rule
 * then applies to every object; NewerNoncurrentVersions) is a difference: the write was not
 * applied as asked. No SDK here: plain documents in, a boolean out.
 */

/** JSON with object keys sorted: two documents equal by content have the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/**
 * Every item of `sent` matches one of `stored` (and nothing is left over), by the canonical
 * key each side gets; `withId` says whether the sent item's ID takes part (a store names the
 * rules it was given without one).
 */
function sameItems<T extends { ID?: string | undefined }>(
  sent: readonly T[],
  stored: readonly T[],
  key: (item: T, withId: boolean) => string,
): boolean {
  if (sent.length !== stored.length) return false;
  const left = [...stored];
  return sent.every((item) => {
    const withId = item.ID !== undefined;
    const want = key(item, withId);
    const i = left.findIndex((s) => key(s, withId) === want);
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
}

const time = (d: string | undefined) => (d === undefined ? undefined : Date.parse(d));
const tagText = (t: { Key: string; Value: string }) => `${t.Key}\u0000${t.Value}`;
const sorted = (xs: readonly string[] | undefined) => (xs ? [...xs].sort() : undefined);

/** One filter in one form: prefix, tags, sizes, whichever way the rule says them. */
function filterOf(rule: LifecycleRule) {
  const f = (rule.Filter ?? {}) as Record<string, unknown> & {
    Prefix?: string;
    Tag?: { Key: string; Value: string };
    ObjectSizeGreaterThan?: number;
    ObjectSizeLessThan?: number;
    And?: {
      Prefix?: string;
      Tags?: { Key: string; Value: string }[];
      ObjectSizeGreaterThan?: number;
      ObjectSizeLessThan?: number;
    };
  };
  const tags = [...(f.Tag ? [f.Tag] : []), ...(f.And?.Tags ?? [])].map(tagText).sort();
  return {
    prefix: rule.Prefix ?? f.Prefix ?? f.And?.Prefix ?? '',
    tags,
    gt: f.ObjectSizeGreaterThan ?? f.And?.ObjectSizeGreaterThan,
    lt: f.ObjectSizeLessThan ?? f.And?.ObjectSizeLessThan,
  };
}

export function lifecycleRuleKey(rule: LifecycleRule, withId: boolean): string {
  const e = rule.Expiration;
  return canonicalJson({
    id: withId ? rule.ID : undefined,
    status: rule.Status,
    filter: filterOf(rule),
    expiration: e && {
      days: e.Days,
      date: time(e.Date),
      marker: e.ExpiredObjectDeleteMarker === true ? true : undefined,
    },
    noncurrent: rule.NoncurrentVersionExpiration,
    abort: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
    transitions: (rule.Transitions ?? [])
      .map((t) => canonicalJson({ days: t.Days, date: time(t.Date), to: t.StorageClass }))
      .sort(),
    noncurrentTransitions: (rule.NoncurrentVersionTransitions ?? [])
      .map((t) => canonicalJson(t))
      .sort(),
  });
}

export const sameLifecycle = (sent: LifecycleDocument, stored: LifecycleDocument) =>
  sameItems(sent.Rules, stored.Rules, lifecycleRuleKey);

export const sameCors = (sent: CorsDocument, stored: CorsDocument) =>
  sameItems(sent.CORSRules, stored.CORSRules, (r, withId) =>
    canonicalJson({
      id: withId ? r.ID : undefined,
      origins: sorted(r.AllowedOrigins),
      methods: sorted(r.AllowedMethods),
      headers: sorted(r.AllowedHeaders ?? []),
      expose: sorted(r.ExposeHeaders ?? []),
      maxAge: r.MaxAgeSeconds,
    }),
  );

export const sameTags = (sent: BucketTagsDocument, stored: BucketTagsDocument) =>
  canonicalJson(sent.TagSet.map(tagText).sort()) ===
  canonicalJson(stored.TagSet.map(tagText).sort());

/** What was sent is what is kept (a store may add fields: BucketKeyEnabled false). */
export function sameEncryption(sent: EncryptionDocument, stored: EncryptionDocument): boolean {
  const [a, b] = [sent.Rules[0], stored.Rules[0]];
  if (!a || !b) return a === b;
  const [da, db] = [a.ApplyServerSideEncryptionByDefault, b.ApplyServerSideEncryptionByDefault];
  return (
    da?.SSEAlgorithm === db?.SSEAlgorithm &&
    (da?.KMSMasterKeyID === undefined || da.KMSMasterKeyID === db?.KMSMasterKeyID) &&
    (a.BucketKeyEnabled === undefined || a.BucketKeyEnabled === (b.BucketKeyEnabled ?? false))
  );
}

export const sameVersioning = (sent: VersioningDocument, stored: VersioningDocument) =>
  sent.Status === stored.Status &&
  (sent.MFADelete === undefined || sent.MFADelete === (stored.MFADelete ?? 'Disabled'));

/**
 * A policy's meaning without its spelling: one string or a list of one, any order of lists,
 * statements and keys. (Stores keep the text as sent, or reformat it, as AWS does.)
 */
export function policyKey(policy: unknown): string {
  return canonicalJson(policyCanon(policy));
}

function policyCanon(value: unknown): unknown {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const items = value.flatMap((v) => {
      const c = policyCanon(v);
      return typeof v === 'string' ? (c as string[]) : [c];
    });
    return items.sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, policyCanon(v)]));
}

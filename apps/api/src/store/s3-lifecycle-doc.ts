import type { LifecycleRule as SdkLifecycleRule, LifecycleRuleFilter } from '@aws-sdk/client-s3';
import type { LifecycleRule } from '@stowage/shared';
import { date, defined, iso, tag } from './s3-setting-read.js';

/** A lifecycle rule between the SDK's shape (Dates) and the document's (ISO 8601 strings). */

/**
 * A filter in one of the schema's forms. Ceph RGW 16 answers an `And` of a prefix and tags as
 * `{ Prefix, And: { Tags } }`: both go back into the `And`.
 */
function filterDoc(f: LifecycleRuleFilter): LifecycleRule['Filter'] {
  const and = {
    Prefix: f.And?.Prefix ?? f.Prefix,
    Tags: [...(f.Tag ? [f.Tag] : []), ...(f.And?.Tags ?? [])].map(tag),
    ObjectSizeGreaterThan: f.And?.ObjectSizeGreaterThan ?? f.ObjectSizeGreaterThan,
    ObjectSizeLessThan: f.And?.ObjectSizeLessThan ?? f.ObjectSizeLessThan,
  };
  const parts = defined({ ...and, Tags: and.Tags.length ? and.Tags : undefined });
  const count = Object.keys(parts).length + (and.Tags.length > 1 ? 1 : 0);
  if (f.And || count > 1) return { And: parts };
  if (parts.Tags) return { Tag: parts.Tags[0]! };
  return parts as LifecycleRule['Filter'];
}

export function lifecycleRuleDoc(r: SdkLifecycleRule): LifecycleRule {
  const e = r.Expiration;
  return defined({
    ID: r.ID,
    Status: r.Status as LifecycleRule['Status'],
    Filter: r.Filter ? filterDoc(r.Filter) : undefined,
    Prefix: r.Prefix,
    Expiration: e
      ? defined({
          Days: e.Days,
          Date: iso(e.Date),
          // Some stores add `false` beside Days or Date; alone it is the rule's action.
          ExpiredObjectDeleteMarker:
            e.Days === undefined && e.Date === undefined ? e.ExpiredObjectDeleteMarker : undefined,
        })
      : undefined,
    NoncurrentVersionExpiration: r.NoncurrentVersionExpiration
      ? defined({
          NoncurrentDays: r.NoncurrentVersionExpiration.NoncurrentDays ?? 0,
          NewerNoncurrentVersions: r.NoncurrentVersionExpiration.NewerNoncurrentVersions,
        })
      : undefined,
    AbortIncompleteMultipartUpload: r.AbortIncompleteMultipartUpload
      ? { DaysAfterInitiation: r.AbortIncompleteMultipartUpload.DaysAfterInitiation ?? 0 }
      : undefined,
    Transitions: r.Transitions?.map((t) =>
      defined({ Days: t.Days, Date: iso(t.Date), StorageClass: t.StorageClass ?? '' }),
    ),
    NoncurrentVersionTransitions: r.NoncurrentVersionTransitions?.map((t) =>
      defined({
        NoncurrentDays: t.NoncurrentDays ?? 0,
        StorageClass: t.StorageClass ?? '',
        NewerNoncurrentVersions: t.NewerNoncurrentVersions,
      }),
    ),
  });
}

export function lifecycleRuleSdk(r: LifecycleRule): SdkLifecycleRule {
  return {
    ...r,
    Filter: r.Filter as LifecycleRuleFilter | undefined,
    Expiration: r.Expiration && { ...r.Expiration, Date: date(r.Expiration.Date) },
    Transitions: r.Transitions?.map((t) => ({
      ...t,
      Date: date(t.Date),
      StorageClass: t.StorageClass as never,
    })),
    NoncurrentVersionTransitions: r.NoncurrentVersionTransitions?.map((t) => ({
      ...t,
      StorageClass: t.StorageClass as never,
    })),
  };
}

import { describe, expect, it } from 'vitest';
import { createBucketSchema } from './create-schema';

function nameError(allowlist: readonly string[] | null, name: string): string | undefined {
  const parsed = createBucketSchema(allowlist).safeParse({ name });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('createBucketSchema', () => {
  it('takes any valid name without an allowlist, with versioning and object lock off', () => {
    expect(createBucketSchema(null).parse({ name: 'my-bucket.2' })).toEqual({
      name: 'my-bucket.2',
      versioning: false,
      objectLock: false,
    });
  });

  it('says which S3 naming rule a name breaks', () => {
    expect(nameError(null, 'ab')).toBe('A bucket name is at least 3 characters long');
    expect(nameError(null, 'Upper')).toBe(
      'A bucket name uses lower-case letters, digits, "." and "-" only',
    );
    expect(nameError(null, '10.0.0.1')).toBe('A bucket name is not an IP address');
    expect(nameError(null, 'xn--bucket')).toMatch(/does not start with "xn--"/);
  });

  it('takes only the allowlist’s names when the profile has one', () => {
    expect(nameError(['team-a', 'team-b'], 'team-b')).toBeUndefined();
    expect(nameError(['team-a', 'team-b'], 'team-c')).toBe(
      'This profile may only create team-a, team-b',
    );
  });
});

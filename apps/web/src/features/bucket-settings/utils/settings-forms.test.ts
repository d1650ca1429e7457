import { describe, expect, it } from 'vitest';
import {
  CorsDocumentSchema,
  LifecycleDocumentSchema,
  PolicyDocumentSchema,
  type LifecycleRule,
} from '@stowage/shared';
import { corsRuleToForm, CorsFormSchema, formToCorsRule, lines } from './cors-form';
import {
  describeActions,
  describeFilter,
  EMPTY_LIFECYCLE_FORM,
  formToRule,
  freeRuleId,
  LifecycleFormSchema,
  ruleToForm,
} from './lifecycle-form';
import { isPublicPolicy } from '@stowage/shared';
import {
  denyUnencryptedUploadsStatement,
  publicReadStatement,
  withStatement,
} from './policy-presets';

const formRules: LifecycleRule[] = [
  { ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } },
  {
    ID: 'all',
    Status: 'Disabled',
    Filter: { Prefix: '' },
    NoncurrentVersionExpiration: { NoncurrentDays: 7 },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 },
    Transitions: [{ Days: 0, StorageClass: 'COLD' }],
  },
  // The older top-level Prefix, an empty Filter, no filter at all: each kept as written.
  { ID: 'old', Status: 'Enabled', Prefix: 'tmp/', Expiration: { Days: 1 } },
  { Status: 'Enabled', Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 3 } },
  { Status: 'Enabled', Expiration: { Days: 5 } },
];

const advancedRules: LifecycleRule[] = [
  {
    ID: 'tagged',
    Status: 'Enabled',
    Filter: { Tag: { Key: 'a', Value: 'b' } },
    Expiration: { Days: 1 },
  },
  {
    ID: 'date',
    Status: 'Enabled',
    Filter: { Prefix: 'x/' },
    Expiration: { Date: '2030-01-01T00:00:00Z' },
  },
  { ID: 'markers', Status: 'Enabled', Expiration: { ExpiredObjectDeleteMarker: true } },
  {
    ID: 'keep',
    Status: 'Enabled',
    NoncurrentVersionExpiration: { NoncurrentDays: 1, NewerNoncurrentVersions: 3 },
  },
  {
    ID: 'two',
    Status: 'Enabled',
    Transitions: [
      { Days: 30, StorageClass: 'A' },
      { Days: 60, StorageClass: 'B' },
    ],
  },
  {
    ID: 'nct',
    Status: 'Enabled',
    NoncurrentVersionTransitions: [{ NoncurrentDays: 1, StorageClass: 'A' }],
  },
  {
    ID: 'and',
    Status: 'Enabled',
    Filter: { And: { Prefix: 'p/', ObjectSizeGreaterThan: 10 } },
    Expiration: { Days: 1 },
  },
];

describe('lifecycle form ↔ rules', () => {
  it('the common rules round-trip through the form unchanged', () => {
    for (const rule of formRules) {
      const values = ruleToForm(rule);
      expect(values, JSON.stringify(rule)).not.toBeNull();
      expect(LifecycleFormSchema.safeParse(values).success).toBe(true);
      expect(formToRule(values ?? EMPTY_LIFECYCLE_FORM, rule)).toEqual(rule);
    }
    expect(LifecycleDocumentSchema.safeParse({ Rules: formRules }).success).toBe(true);
  });

  it('shows a rule in the form as it reads', () => {
    expect(ruleToForm(formRules[0] as LifecycleRule)).toEqual({
      ...EMPTY_LIFECYCLE_FORM,
      id: 'logs',
      prefix: 'logs/',
      expireDays: '30',
    });
  });

  it('a new rule from the form: prefix as Filter.Prefix, one action per filled field', () => {
    const values = { ...EMPTY_LIFECYCLE_FORM, id: 'r', prefix: 'logs/', expireDays: ' 30 ' };
    expect(formToRule(values)).toEqual({
      ID: 'r',
      Status: 'Enabled',
      Filter: { Prefix: 'logs/' },
      Expiration: { Days: 30 },
    });
    // A changed prefix is written as Filter.Prefix even where the rule had the older form.
    expect(formToRule({ ...values, prefix: 'new/' }, formRules[2])).toMatchObject({
      Filter: { Prefix: 'new/' },
    });
    expect(formToRule({ ...values, prefix: 'new/' }, formRules[2])).not.toHaveProperty('Prefix');
  });

  it('rules the form cannot express are not offered to it (they stay as they are)', () => {
    for (const rule of advancedRules) expect(ruleToForm(rule), rule.ID).toBeNull();
    expect(LifecycleDocumentSchema.safeParse({ Rules: advancedRules }).success).toBe(true);
    expect(describeFilter(advancedRules[0] as LifecycleRule)).toBe('tag a=b');
    expect(describeFilter(advancedRules[6] as LifecycleRule)).toBe(
      'prefix p/, larger than 10 bytes',
    );
    expect(describeActions(advancedRules[4] as LifecycleRule)).toEqual([
      'Move to A after 30 days',
      'Move to B after 60 days',
    ]);
  });

  it('the form refuses a rule without an action, bad days, a transition without its class', () => {
    const problems = (values: object) =>
      LifecycleFormSchema.safeParse({ ...EMPTY_LIFECYCLE_FORM, ...values }).error?.issues.map(
        (i) => i.message,
      );
    expect(problems({})).toEqual(['Choose at least one action (fill in its days)']);
    expect(problems({ expireDays: '0' })).toEqual([
      'Expire objects: a whole number of days, at least 1',
    ]);
    expect(problems({ expireDays: '1.5' })).toHaveLength(1);
    expect(problems({ transitionDays: '3' })).toEqual([
      'A transition needs both its days and a storage class',
    ]);
  });

  it('names new rules with a free ID', () => {
    expect(freeRuleId([])).toBe('rule-1');
    expect(freeRuleId([{ ID: 'rule-2', Status: 'Enabled', Expiration: { Days: 1 } }])).toBe(
      'rule-3',
    );
  });
});

describe('CORS form ↔ rules', () => {
  it('round-trips every field', () => {
    const rule = {
      ID: 'web',
      AllowedOrigins: ['https://a.example', '*'],
      AllowedMethods: ['GET', 'PUT'] as ('GET' | 'PUT')[],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['ETag', 'x-amz-request-id'],
      MaxAgeSeconds: 3000,
    };
    const values = corsRuleToForm(rule);
    expect(CorsFormSchema.safeParse(values).success).toBe(true);
    expect(formToCorsRule(values)).toEqual(rule);
    expect(CorsDocumentSchema.safeParse({ CORSRules: [rule] }).success).toBe(true);
    const minimal = { AllowedOrigins: ['*'], AllowedMethods: ['GET'] as 'GET'[] };
    expect(formToCorsRule(corsRuleToForm(minimal))).toEqual(minimal);
  });

  it('takes one entry per line or comma, and refuses a rule without origin or method', () => {
    expect(lines(' https://a\n\nhttps://b, https://c ')).toEqual([
      'https://a',
      'https://b',
      'https://c',
    ]);
    const parsed = CorsFormSchema.safeParse({
      ...corsRuleToForm({ AllowedOrigins: ['x'], AllowedMethods: ['GET'] }),
      origins: ' \n',
      methods: [],
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['origins', 'methods']);
  });
});

describe('policy presets', () => {
  it('public read of a prefix is public; deny unencrypted uploads is not', () => {
    const open = withStatement(null, publicReadStatement('b', 'pub/'));
    expect(open.Statement[0]?.Resource).toBe('arn:aws:s3:::b/pub/*');
    expect(PolicyDocumentSchema.safeParse(open).success).toBe(true);
    expect(isPublicPolicy(open)).toBe(true);
    const closed = withStatement(null, denyUnencryptedUploadsStatement('b'));
    expect(PolicyDocumentSchema.safeParse(closed).success).toBe(true);
    expect(isPublicPolicy(closed)).toBe(false);
    expect(isPublicPolicy(withStatement(closed, publicReadStatement('b', '')))).toBe(true);
  });

  it('adding a preset twice keeps the Sids unique', () => {
    const once = withStatement(null, publicReadStatement('b', 'a/'));
    const twice = withStatement(once, publicReadStatement('b', 'c/'));
    expect(twice.Statement.map((s) => s.Sid)).toEqual(['PublicRead', 'PublicRead2']);
  });
});

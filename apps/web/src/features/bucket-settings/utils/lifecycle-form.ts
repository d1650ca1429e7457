import { z } from 'zod';
import type { LifecycleRule } from '@stowage/shared';

/**
 * The lifecycle form edits the common rules: a prefix (or the whole bucket) and up to four
 * actions in days. A rule it cannot express (tags or sizes in its filter, dates, delete
 * markers, several transitions…) is shown, kept as it is and edited in the JSON tab.
 */
export type LifecycleFormValues = {
  id: string;
  enabled: boolean;
  prefix: string;
  expireDays: string;
  noncurrentDays: string;
  abortDays: string;
  transitionDays: string;
  transitionClass: string;
};

const whole = (min: number, what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= min), {
      message: `${what}: a whole number of days, at least ${String(min)}`,
    });

export const LifecycleFormSchema = z
  .object({
    id: z.string().trim().max(255, 'A rule ID is at most 255 characters'),
    enabled: z.boolean(),
    prefix: z.string(),
    expireDays: whole(1, 'Expire objects'),
    noncurrentDays: whole(1, 'Expire noncurrent versions'),
    abortDays: whole(1, 'Abort incomplete uploads'),
    transitionDays: whole(0, 'Transition'),
    transitionClass: z.string().trim(),
  })
  .refine(
    (v) => [v.expireDays, v.noncurrentDays, v.abortDays, v.transitionDays].some((d) => d !== ''),
    { message: 'Choose at least one action (fill in its days)', path: ['expireDays'] },
  )
  .refine((v) => (v.transitionDays === '') === (v.transitionClass === ''), {
    message: 'A transition needs both its days and a storage class',
    path: ['transitionClass'],
  });

export const EMPTY_LIFECYCLE_FORM: LifecycleFormValues = {
  id: '',
  enabled: true,
  prefix: '',
  expireDays: '',
  noncurrentDays: '',
  abortDays: '',
  transitionDays: '',
  transitionClass: '',
};

const FORM_FIELDS = new Set([
  'ID',
  'Status',
  'Filter',
  'Prefix',
  'Expiration',
  'NoncurrentVersionExpiration',
  'AbortIncompleteMultipartUpload',
  'Transitions',
]);

const onlyKeys = (value: object, keys: string[]) =>
  Object.keys(value).every((k) => keys.includes(k));

/** The rule's prefix if its filter is a prefix or nothing (the whole bucket); else null. */
function prefixOf(rule: LifecycleRule): string | null {
  if (rule.Prefix !== undefined) return rule.Filter === undefined ? rule.Prefix : null;
  if (rule.Filter === undefined) return '';
  if (Object.keys(rule.Filter).length === 0) return '';
  return 'Prefix' in rule.Filter && onlyKeys(rule.Filter, ['Prefix']) ? rule.Filter.Prefix : null;
}

const days = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form's values for a rule, or null when the form cannot show all of it. */
export function ruleToForm(rule: LifecycleRule): LifecycleFormValues | null {
  if (!Object.keys(rule).every((k) => FORM_FIELDS.has(k))) return null;
  const prefix = prefixOf(rule);
  if (prefix === null) return null;
  const { Expiration: exp, NoncurrentVersionExpiration: noncurrent, Transitions } = rule;
  if (exp && !(exp.Days !== undefined && onlyKeys(exp, ['Days']))) return null;
  if (noncurrent && !onlyKeys(noncurrent, ['NoncurrentDays'])) return null;
  const transitions = Transitions ?? [];
  const [transition] = transitions;
  if (transitions.length > 1) return null;
  if (transition && (transition.Days === undefined || transition.Date !== undefined)) return null;
  return {
    id: rule.ID ?? '',
    enabled: rule.Status === 'Enabled',
    prefix,
    expireDays: days(exp?.Days),
    noncurrentDays: days(noncurrent?.NoncurrentDays),
    abortDays: days(rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation),
    transitionDays: days(transition?.Days),
    transitionClass: transition?.StorageClass ?? '',
  };
}

/**
 * The rule a filled-in form makes. Editing a rule keeps the way its filter was written (the
 * older top-level Prefix, an empty Filter, none) while its prefix stays the same.
 */
export function formToRule(values: LifecycleFormValues, original?: LifecycleRule): LifecycleRule {
  const id = values.id.trim();
  const rule: LifecycleRule = { Status: values.enabled ? 'Enabled' : 'Disabled' };
  if (id !== '') rule.ID = id;
  const keepFilter = original !== undefined && prefixOf(original) === values.prefix;
  if (keepFilter && original.Prefix !== undefined) rule.Prefix = original.Prefix;
  else if (keepFilter && original.Filter !== undefined) rule.Filter = original.Filter;
  else if (!keepFilter) rule.Filter = { Prefix: values.prefix };
  const n = (v: string) => Number(v.trim());
  if (values.expireDays.trim() !== '') rule.Expiration = { Days: n(values.expireDays) };
  if (values.noncurrentDays.trim() !== '') {
    rule.NoncurrentVersionExpiration = { NoncurrentDays: n(values.noncurrentDays) };
  }
  if (values.abortDays.trim() !== '') {
    rule.AbortIncompleteMultipartUpload = { DaysAfterInitiation: n(values.abortDays) };
  }
  if (values.transitionDays.trim() !== '') {
    rule.Transitions = [
      { Days: n(values.transitionDays), StorageClass: values.transitionClass.trim() },
    ];
  }
  return rule;
}

/** A rule ID not taken yet: rule-1, rule-2, … */
export function freeRuleId(rules: readonly LifecycleRule[]): string {
  const taken = new Set(rules.map((r) => r.ID));
  let n = rules.length + 1;
  while (taken.has(`rule-${String(n)}`)) n += 1;
  return `rule-${String(n)}`;
}

const plural = (n: number, one: string) => `${String(n)} ${one}${n === 1 ? '' : 's'}`;

/** What a rule applies to, in words. */
export function describeFilter(rule: LifecycleRule): string {
  const prefix = prefixOf(rule);
  if (prefix === '') return 'Whole bucket';
  if (prefix !== null) return `Prefix ${prefix}`;
  const filter = rule.Filter ?? {};
  const and = 'And' in filter ? filter.And : filter;
  const parts: string[] = [];
  if ('Prefix' in and && and.Prefix) parts.push(`prefix ${and.Prefix}`);
  if ('Tag' in and) parts.push(`tag ${and.Tag.Key}=${and.Tag.Value}`);
  if ('Tags' in and && and.Tags) parts.push(...and.Tags.map((t) => `tag ${t.Key}=${t.Value}`));
  if ('ObjectSizeGreaterThan' in and && and.ObjectSizeGreaterThan !== undefined) {
    parts.push(`larger than ${String(and.ObjectSizeGreaterThan)} bytes`);
  }
  if ('ObjectSizeLessThan' in and && and.ObjectSizeLessThan !== undefined) {
    parts.push(`smaller than ${String(and.ObjectSizeLessThan)} bytes`);
  }
  return parts.join(', ') || 'Whole bucket';
}

/** What a rule does, one phrase per action. */
export function describeActions(rule: LifecycleRule): string[] {
  const out: string[] = [];
  const exp = rule.Expiration;
  if (exp?.Days !== undefined) out.push(`Expire objects after ${plural(exp.Days, 'day')}`);
  if (exp?.Date !== undefined) out.push(`Expire objects on ${exp.Date}`);
  if (exp?.ExpiredObjectDeleteMarker) out.push('Remove expired delete markers');
  const nc = rule.NoncurrentVersionExpiration;
  if (nc) {
    const keep = nc.NewerNoncurrentVersions;
    out.push(
      `Expire noncurrent versions after ${plural(nc.NoncurrentDays, 'day')}${keep ? ` (keeping ${String(keep)})` : ''}`,
    );
  }
  const abort = rule.AbortIncompleteMultipartUpload;
  if (abort) {
    out.push(`Abort incomplete uploads after ${plural(abort.DaysAfterInitiation, 'day')}`);
  }
  for (const t of rule.Transitions ?? []) {
    const when = t.Days !== undefined ? `after ${plural(t.Days, 'day')}` : `on ${t.Date ?? ''}`;
    out.push(`Move to ${t.StorageClass} ${when}`);
  }
  for (const t of rule.NoncurrentVersionTransitions ?? []) {
    out.push(
      `Move noncurrent versions to ${t.StorageClass} after ${plural(t.NoncurrentDays, 'day')}`,
    );
  }
  return out;
}

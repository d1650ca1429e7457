import { z } from 'zod';
import { CORS_METHODS, type CorsRule } from '@stowage/shared';

type CorsMethod = (typeof CORS_METHODS)[number];

/** The CORS form: one rule, lists as one entry per line. Every CORS field has a place here. */
export type CorsFormValues = {
  id: string;
  origins: string;
  methods: CorsMethod[];
  allowedHeaders: string;
  exposeHeaders: string;
  maxAge: string;
};

/** The non-empty, trimmed lines of a text area (commas separate too). */
export function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export const CorsFormSchema = z.object({
  id: z.string().trim().max(255, 'A rule ID is at most 255 characters'),
  origins: z
    .string()
    .refine((v) => lines(v).length > 0, 'Allow at least one origin (https://app.example.com or *)'),
  methods: z.array(z.enum(CORS_METHODS)).min(1, 'Allow at least one method'),
  allowedHeaders: z.string(),
  exposeHeaders: z.string(),
  maxAge: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d+$/.test(v), 'Max age: a whole number of seconds'),
});

export const EMPTY_CORS_FORM: CorsFormValues = {
  id: '',
  origins: '',
  methods: ['GET', 'HEAD'],
  allowedHeaders: '',
  exposeHeaders: '',
  maxAge: '',
};

export function corsRuleToForm(rule: CorsRule): CorsFormValues {
  return {
    id: rule.ID ?? '',
    origins: rule.AllowedOrigins.join('\n'),
    methods: CORS_METHODS.filter((m) => rule.AllowedMethods.includes(m)),
    allowedHeaders: (rule.AllowedHeaders ?? []).join('\n'),
    exposeHeaders: (rule.ExposeHeaders ?? []).join('\n'),
    maxAge: rule.MaxAgeSeconds === undefined ? '' : String(rule.MaxAgeSeconds),
  };
}

export function formToCorsRule(values: CorsFormValues): CorsRule {
  const rule: CorsRule = {
    AllowedOrigins: lines(values.origins),
    AllowedMethods: CORS_METHODS.filter((m) => values.methods.includes(m)),
  };
  const id = values.id.trim();
  if (id !== '') rule.ID = id;
  const allowed = lines(values.allowedHeaders);
  if (allowed.length > 0) rule.AllowedHeaders = allowed;
  const expose = lines(values.exposeHeaders);
  if (expose.length > 0) rule.ExposeHeaders = expose;
  if (values.maxAge.trim() !== '') rule.MaxAgeSeconds = Number(values.maxAge.trim());
  return rule;
}

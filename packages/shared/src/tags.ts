import { z } from 'zod';
import { ObjectTagsSchema } from './object.js';

export const MAX_TAGS = 10;
const TAG_CHARS = /^[\p{L}\p{N}\p{Zs}+\-=._:/@]*$/u;
const TAG_CHARS_MESSAGE = 'use letters, digits, spaces and + - = . _ : / @ only';

export const TagKeySchema = z
  .string()
  .min(1, 'A tag key is needed')
  .max(128, 'Tag keys are at most 128 characters')
  .regex(TAG_CHARS, `Tag keys ${TAG_CHARS_MESSAGE}`);
export const TagValueSchema = z
  .string()
  .max(256, 'Tag values are at most 256 characters')
  .regex(TAG_CHARS, `Tag values ${TAG_CHARS_MESSAGE}`);

export const TagSetSchema = z
  .array(z.object({ key: TagKeySchema, value: TagValueSchema }))
  .max(MAX_TAGS, `An object has at most ${MAX_TAGS} tags`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((t, i) => {
      if (seen.has(t.key)) {
        ctx.addIssue({
          code: 'custom',
          message: `Tag key "${t.key}" is used twice`,
          path: [i, 'key'],
        });
      }
      seen.add(t.key);
    });
  });

export const PutTagsBodySchema = z.object({ tags: TagSetSchema });
export type PutTagsBody = z.infer<typeof PutTagsBodySchema>;
/** The tag set the store holds after the change (read back): the shape GET …/object/tags answers. */
export const PutTagsResponseSchema = ObjectTagsSchema;

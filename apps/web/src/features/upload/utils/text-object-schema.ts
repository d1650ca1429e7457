import { z } from 'zod';
import { ObjectKeySchema } from '@stowage/shared';

export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** The "New text object" form: a name below `prefix` (may hold "/") and the text. */
export function createTextObjectSchema(prefix: string) {
  return z.object({ name: z.string(), content: z.string() }).transform((form, ctx) => {
    const key = `${prefix}${form.name}`;
    if (form.name === '') {
      ctx.addIssue({ code: 'custom', message: 'A name is needed', path: ['name'] });
    } else if (form.name.endsWith('/')) {
      const message = 'The name ends with "/", which would make it a folder';
      ctx.addIssue({ code: 'custom', message, path: ['name'] });
    } else {
      const result = ObjectKeySchema.safeParse(key);
      const message = result.error?.issues[0]?.message;
      if (message) ctx.addIssue({ code: 'custom', message, path: ['name'] });
    }
    return { key, content: form.content };
  });
}

export type TextObjectFormValues = z.input<ReturnType<typeof createTextObjectSchema>>;
export type TextObject = z.output<ReturnType<typeof createTextObjectSchema>>;

import { z } from 'zod';
import { RenameBodySchema } from '@stowage/shared';
import { renamedKey, renameProblem } from './rename-name';

export type RenameFormValues = { name: string };

/** The rename form: the name's own rules, then the shared body's (a key's length, its bytes). */
export function createRenameSchema(key: string) {
  return z.object({ name: z.string() }).superRefine(({ name }, ctx) => {
    const problem = renameProblem(name, key);
    const body = problem
      ? null
      : RenameBodySchema.safeParse({ from: key, to: renamedKey(key, name) });
    const message = problem ?? body?.error?.issues[0]?.message;
    if (message) ctx.addIssue({ code: 'custom', path: ['name'], message });
  });
}

import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The repository's ESLint config, applied to a made-up file at `file`. */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });
async function rulesBroken(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the architecture rules ESLint enforces', () => {
  it('lets only apps/api/src/store/s3-*.ts import the AWS SDK', async () => {
    const sdk = "import { S3Client } from '@aws-sdk/client-s3';\nexport const c = S3Client;\n";
    expect(await rulesBroken('apps/api/src/routes/api/new-route.ts', sdk)).toEqual([
      'no-restricted-imports',
    ]);
    expect(await rulesBroken('apps/api/src/auth/new.ts', sdk)).toEqual(['no-restricted-imports']);
    expect(await rulesBroken('apps/api/src/store/s3-new.ts', sdk)).toEqual([]);
  });

  it('keeps web features from importing each other', async () => {
    const other =
      "import { a } from '@/features/objects/utils/compare-keys';\nexport const b = a;\n";
    const own = "import { a } from '@/features/upload/utils/keep-both-key';\nexport const b = a;\n";
    const shared = "import { a } from '@/lib/api-client';\nexport const b = a;\n";
    const file = 'apps/web/src/features/upload/components/new.tsx';
    expect(await rulesBroken(file, other)).toEqual(['no-restricted-imports']);
    expect(await rulesBroken(file, own)).toEqual([]);
    expect(await rulesBroken(file, shared)).toEqual([]);
    // Routes compose features.
    expect(await rulesBroken('apps/web/src/app/routes/new.tsx', other)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { LinkAbilities } from '@stowage/shared';
import {
  createShareFormSchema,
  createUploadLinkFormSchema,
  initialShareMode,
  type ShareFormValues,
  type UploadLinkFormValues,
} from './form-schemas';

const DAY = 24 * 3600;
const now = () => new Date(2026, 11, 7, 10, 0, 0); // local time
const maxSeconds = { relay: 30 * DAY, direct: 7 * DAY };

/** Each problem as "field: message". */
function problems(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('share form', () => {
  const schema = createShareFormSchema('docs/report.pdf', maxSeconds, now);
  const values = (over: Partial<ShareFormValues> = {}): ShareFormValues => ({
    mode: 'relay',
    expiry: { kind: 'preset', preset: '1d' },
    downloadName: '',
    password: '',
    ...over,
  });

  it('makes the share body, leaving out the empty options', () => {
    expect(schema.parse(values())).toEqual({
      key: 'docs/report.pdf',
      expiresIn: DAY,
      mode: 'relay',
    });
    expect(
      schema.parse(
        values({
          expiry: { kind: 'custom', local: '2026-12-17T10:00' },
          downloadName: 'Report.pdf',
          password: 'correct horse',
        }),
      ),
    ).toEqual({
      key: 'docs/report.pdf',
      expiresIn: 10 * DAY,
      mode: 'relay',
      downloadName: 'Report.pdf',
      password: 'correct horse',
    });
  });

  it('sends no password with a direct link', () => {
    expect(schema.parse(values({ mode: 'direct', password: 'left over' }))).toEqual({
      key: 'docs/report.pdf',
      expiresIn: DAY,
      mode: 'direct',
    });
  });

  it('holds the expiry to the chosen kind’s limit, on the expiry field', () => {
    const tenDays = { kind: 'custom', local: '2026-12-17T10:00' } as const;
    expect(schema.safeParse(values({ expiry: tenDays })).success).toBe(true);
    expect(problems(schema.safeParse(values({ mode: 'direct', expiry: tenDays })))).toEqual([
      'expiry: A link of this kind lasts at most 7 days on this store',
    ]);
    const short = createShareFormSchema('a', { relay: 3600, direct: 3600 }, now);
    expect(problems(short.safeParse(values()))).toEqual([
      'expiry: A link of this kind lasts at most 1 hour on this store',
    ]);
    expect(
      problems(schema.safeParse(values({ expiry: { kind: 'custom', local: '2026-12-07T09:00' } }))),
    ).toEqual(['expiry: Choose a time at least a minute from now']);
  });

  it('counts a date from the moment of the check', () => {
    let clock = now();
    const ticking = createShareFormSchema('a', maxSeconds, () => clock);
    const form = values({ expiry: { kind: 'custom', local: '2026-12-07T11:00' } });
    expect(ticking.parse(form).expiresIn).toBe(3600);
    clock = new Date(2026, 11, 7, 10, 30, 0);
    expect(ticking.parse(form).expiresIn).toBe(1800);
  });

  it('puts the shared schema’s problems on their fields', () => {
    expect(problems(schema.safeParse(values({ downloadName: 'a/b.txt' })))).toEqual([
      'downloadName: The download name has no "/", "\\" or control characters',
    ]);
    expect(problems(schema.safeParse(values({ password: 'x'.repeat(1025) })))).toEqual([
      'password: The password is at most 1024 characters',
    ]);
    // What the form does not show (the key) goes to the form as a whole.
    const badKey = createShareFormSchema('a\u0000b', maxSeconds, now);
    expect(problems(badKey.safeParse(values()))?.[0]).toMatch(/^root: /);
  });

  it('starts with the profile’s mode, unless the server cannot serve links', () => {
    const abilities = (over: Partial<LinkAbilities>): LinkAbilities => ({
      defaultMode: 'relay',
      relay: true,
      upload: true,
      maxSeconds,
      ...over,
    });
    expect(initialShareMode(abilities({}))).toBe('relay');
    expect(initialShareMode(abilities({ relay: false }))).toBe('direct');
    expect(initialShareMode(abilities({ defaultMode: 'direct' }))).toBe('direct');
  });
});

describe('upload link form', () => {
  const schema = createUploadLinkFormSchema('inbox/', 30 * DAY, now);
  const values = (over: Partial<UploadLinkFormValues> = {}): UploadLinkFormValues => ({
    expiry: { kind: 'preset', preset: '7d' },
    maxBytes: { value: '', unit: 'MB' },
    maxTotalBytes: { value: '', unit: 'GB' },
    overwrite: false,
    ...over,
  });

  it('makes the upload-link body, with the limits in bytes', () => {
    expect(schema.parse(values())).toEqual({
      prefix: 'inbox/',
      expiresIn: 7 * DAY,
      overwrite: false,
    });
    expect(
      schema.parse(
        values({
          expiry: { kind: 'preset', preset: '1h' },
          maxBytes: { value: '1.5', unit: 'MB' },
          maxTotalBytes: { value: '2', unit: 'GB' },
          overwrite: true,
        }),
      ),
    ).toEqual({
      prefix: 'inbox/',
      expiresIn: 3600,
      maxBytes: 1.5 * 1024 ** 2,
      maxTotalBytes: 2 * 1024 ** 3,
      overwrite: true,
    });
  });

  it('says every field’s problem at once, each on its field', () => {
    const short = createUploadLinkFormSchema('', DAY, now);
    expect(
      problems(
        short.safeParse(
          values({
            maxBytes: { value: '1e3', unit: 'MB' },
            maxTotalBytes: { value: '0', unit: 'GB' },
          }),
        ),
      ),
    ).toEqual([
      'expiry: A link of this kind lasts at most 1 day on this store',
      'maxBytes: Enter a number, such as 10 or 1.5',
      'maxTotalBytes: A limit is more than 0',
    ]);
  });

  it('puts a folder the shared schema refuses on the form as a whole', () => {
    const badFolder = createUploadLinkFormSchema('inbox', DAY, now);
    expect(
      problems(badFolder.safeParse(values({ expiry: { kind: 'preset', preset: '1h' } }))),
    ).toEqual(['root: The folder is "" (the bucket root) or ends with "/"']);
  });
});

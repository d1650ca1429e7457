import { describe, expect, it } from 'vitest';
import type { LinkSummary } from '@stowage/shared';
import { protections } from './protections';

const base: LinkSummary = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  kind: 'download',
  bucket: 'demo',
  key: 'a.txt',
  createdBy: 'dashboard password',
  createdAt: '2026-12-07T10:00:00.000Z',
  expiresAt: '2026-12-08T10:00:00.000Z',
  expired: false,
  url: 'http://x/s/t',
  passwordProtected: false,
};

describe('protections', () => {
  it('lists none for a plain download link', () => {
    expect(protections(base)).toEqual([]);
  });

  it('names the password, the limits and overwrite', () => {
    expect(protections({ ...base, passwordProtected: true })).toEqual(['Password']);
    expect(
      protections({
        ...base,
        kind: 'upload',
        key: 'in/',
        maxBytes: 10 * 1024 * 1024,
        maxTotalBytes: 1024 ** 3,
        overwrite: false,
      }),
    ).toEqual(['Files up to 10.0 MB', 'Total up to 1.0 GB', 'No overwrite']);
    expect(protections({ ...base, kind: 'upload', overwrite: true })).toEqual(['May overwrite']);
  });
});

import { describe, expect, it } from 'vitest';
import { findResumable, matchesFile, type ResumeRecord } from './resume-store';

const record = (patch: Partial<ResumeRecord> = {}): ResumeRecord => ({
  uploadId: 'u1',
  bucket: 'b',
  key: 'dir/big.bin',
  fileName: 'big.bin',
  size: 200,
  lastModified: 1000,
  partSize: 64,
  partsDone: [1],
  createdAt: 1,
  ...patch,
});
const file = { name: 'big.bin', size: 200, lastModified: 1000 };

describe('resume matcher', () => {
  it('matches the same file (name, size, last-modified) to the same bucket and key', () => {
    expect(findResumable([record()], 'b', 'dir/big.bin', file)?.uploadId).toBe('u1');
  });

  it('does not match another file, bucket or key', () => {
    const records = [record()];
    expect(findResumable(records, 'b', 'dir/big.bin', { ...file, size: 201 })).toBeUndefined();
    expect(
      findResumable(records, 'b', 'dir/big.bin', { ...file, lastModified: 2 }),
    ).toBeUndefined();
    expect(findResumable(records, 'b', 'dir/big.bin', { ...file, name: 'x.bin' })).toBeUndefined();
    expect(findResumable(records, 'other', 'dir/big.bin', file)).toBeUndefined();
    expect(findResumable(records, 'b', 'big.bin', file)).toBeUndefined();
  });

  it('takes the newest of several records for the same file', () => {
    const records = [
      record({ uploadId: 'old', createdAt: 1 }),
      record({ uploadId: 'new', createdAt: 5 }),
    ];
    expect(findResumable(records, 'b', 'dir/big.bin', file)?.uploadId).toBe('new');
  });

  it('matchesFile ignores where the file goes', () => {
    expect(matchesFile(record({ bucket: 'x', key: 'y' }), file)).toBe(true);
    expect(matchesFile(record(), { ...file, size: 1 })).toBe(false);
  });
});

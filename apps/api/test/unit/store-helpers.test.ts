import { describe, expect, it } from 'vitest';
import { copyRanges } from '../../src/store/s3-multipart-copy.js';
import { uploadPartSize } from '../../src/store/s3-upload.js';
import { copySource } from '../../src/store/s3-metadata-edit.js';

const MiB = 1024 * 1024;

describe('uploadPartSize', () => {
  it.each([
    [undefined, 8 * MiB],
    [0, 8 * MiB],
    [20 * MiB, 8 * MiB],
    [100 * 1024 * MiB, Math.ceil((100 * 1024 * MiB) / 9000)],
    [5 * 1024 ** 4, Math.ceil((5 * 1024 ** 4) / 9000)],
  ])('size %s: %i-byte parts', (size, part) => {
    expect(uploadPartSize(size)).toBe(part);
    // Always within S3's 10,000 parts.
    if (size) expect(Math.ceil(size / uploadPartSize(size))).toBeLessThanOrEqual(10_000);
  });
});

describe('copyRanges', () => {
  it('covers the object exactly in parts of at least 5 MiB', () => {
    expect(copyRanges(12 * MiB + 1, 5 * MiB)).toEqual([
      `bytes=0-${5 * MiB - 1}`,
      `bytes=${5 * MiB}-${10 * MiB - 1}`,
      `bytes=${10 * MiB}-${12 * MiB}`,
    ]);
    expect(copyRanges(6 * MiB, 1)).toEqual([
      `bytes=0-${5 * MiB - 1}`,
      `bytes=${5 * MiB}-${6 * MiB - 1}`,
    ]);
  });
  it('stays within 10,000 parts for 5 TiB', () => {
    expect(copyRanges(5 * 1024 ** 4, 512 * MiB).length).toBeLessThanOrEqual(10_000);
  });
});

describe('copySource', () => {
  it('URL-encodes the key but keeps its slashes', () => {
    expect(copySource('b', 'a b/c#?&+%.txt', 'component')).toBe('b/a%20b/c%23%3F%26%2B%25.txt');
  });
  it('leaves reserved characters raw for s3rver, which decodes with decodeURI', () => {
    expect(copySource('b', 'a b/c#?&+%/ü.txt', 'uri')).toBe('b/a%20b/c#?&+%25/%C3%BC.txt');
  });
});

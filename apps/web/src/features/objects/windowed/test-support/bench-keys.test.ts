import { describe, expect, it } from 'vitest';
import { keyAt1m } from './bench-keys';

describe('keyAt1m (the bench generator)', () => {
  it('gives the names the estimator tests were tuned on (a change to them shows here)', () => {
    expect([0, 8, 14, 18, 19, 999_999].map(keyAt1m)).toEqual([
      'm/log-2026-03-10T19-28-25.477Z-00000.json',
      'm/img_0000000.jpg',
      'm/canyon-yarrow-14.docx',
      'm/Q1_Report_i.xlsx',
      'm/été-19.txt',
      'm/99999 scan 999999.tif',
    ]);
  });
});

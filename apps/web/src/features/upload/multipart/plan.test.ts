import { describe, expect, it } from 'vitest';
import { MAX_PARTS, MIN_PART_BYTES, multipartPartSize } from '@stowage/shared';
import { missingParts, planParts } from './plan';

const MiB = 1024 * 1024;

describe('part planning', () => {
  it('cuts a file in whole parts and a short last one', () => {
    const plan = planParts(200 * MiB, 64 * MiB);
    expect(plan.map((p) => p.n)).toEqual([1, 2, 3, 4]);
    expect(plan[3]).toEqual({ n: 4, start: 192 * MiB, end: 200 * MiB });
    expect(plan.reduce((sum, p) => sum + p.end - p.start, 0)).toBe(200 * MiB);
  });

  it('plans one part for an exact multiple and for an empty file', () => {
    expect(planParts(16 * MiB, 8 * MiB)).toHaveLength(2);
    expect(planParts(0, 8 * MiB)).toEqual([{ n: 1, start: 0, end: 0 }]);
  });

  it('refuses a part size that is not a positive integer', () => {
    expect(() => planParts(10, 0)).toThrow(RangeError);
  });

  it('sizes parts at least 8 MiB and never more than 10,000 of them', () => {
    expect(multipartPartSize(100 * MiB)).toBe(MIN_PART_BYTES);
    const fiveTiB = 5 * 1024 * 1024 * MiB;
    const size = multipartPartSize(fiveTiB);
    expect(size % MiB).toBe(0);
    expect(Math.ceil(fiveTiB / size)).toBeLessThanOrEqual(MAX_PARTS);
    expect(planParts(fiveTiB, size).length).toBeLessThanOrEqual(MAX_PARTS);
  });

  it('sends only the parts the store does not list with their planned size', () => {
    const plan = planParts(40 * MiB, 8 * MiB);
    const listed = [
      { n: 1, size: 8 * MiB },
      { n: 3, size: 8 * MiB },
      { n: 4, size: 1234 }, // cut short: sent again
    ];
    expect(missingParts(plan, listed).map((p) => p.n)).toEqual([2, 4, 5]);
    expect(missingParts(plan, [])).toHaveLength(5);
  });
});

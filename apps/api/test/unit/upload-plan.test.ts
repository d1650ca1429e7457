import { describe, expect, it } from 'vitest';
import { uploadPartSize, uploadPlan, uploadShareBytes } from '../../src/store/s3-upload.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const TiB = 1024 * GiB;

describe('uploadShareBytes', () => {
  it.each([
    [40 * MiB, 40 * MiB],
    [64 * MiB, 40 * MiB],
    [160 * MiB, 40 * MiB],
    [256 * MiB, 64 * MiB],
    [1024 * MiB, 256 * MiB],
  ])('a budget of %i bytes: a share of %i', (budget, share) => {
    expect(uploadShareBytes(budget)).toBe(share);
  });
});

describe('uploadPlan', () => {
  it.each([
    // budget, size → part, queue, holds, reserves
    // 8 MiB parts: 7 in flight and one filling fit the 64 MiB share.
    ['unknown size, default budget', 256 * MiB, undefined, 8 * MiB, 7, 64 * MiB, 64 * MiB],
    ['1 GiB, default budget', 256 * MiB, GiB, 8 * MiB, 7, 64 * MiB, 64 * MiB],
    ['70 GiB: 8 MiB parts still', 256 * MiB, 70 * GiB, 8 * MiB, 7, 64 * MiB, 64 * MiB],
    // A share of 128 MiB or more: 8 in flight, the most.
    ['1 GiB, 512 MiB budget', 512 * MiB, GiB, 8 * MiB, 8, 72 * MiB, 72 * MiB],
    // 100 GiB / 9000 ≈ 11.4 MiB parts: 5 of them (57 MiB) fit the 64 MiB share.
    [
      '100 GiB',
      256 * MiB,
      100 * GiB,
      uploadPartSize(100 * GiB),
      4,
      5 * uploadPartSize(100 * GiB),
      5 * uploadPartSize(100 * GiB),
    ],
    // 150 GiB / 9000 ≈ 17 MiB parts: 5 would be 85 MiB, so 2 in flight + 1 filling.
    [
      '150 GiB',
      256 * MiB,
      150 * GiB,
      uploadPartSize(150 * GiB),
      2,
      3 * uploadPartSize(150 * GiB),
      3 * uploadPartSize(150 * GiB),
    ],
    // 281 GiB / 9000 ≈ 31.97 MiB parts: two fit the 64 MiB share exactly.
    [
      '281 GiB',
      256 * MiB,
      281 * GiB,
      uploadPartSize(281 * GiB),
      1,
      2 * uploadPartSize(281 * GiB),
      2 * uploadPartSize(281 * GiB),
    ],
    // Over ~281.25 GiB even two parts exceed the share: it reserves the share, holds more.
    [
      '282 GiB',
      256 * MiB,
      282 * GiB,
      uploadPartSize(282 * GiB),
      1,
      2 * uploadPartSize(282 * GiB),
      64 * MiB,
    ],
    [
      '5 TiB',
      256 * MiB,
      5 * TiB,
      uploadPartSize(5 * TiB),
      1,
      2 * uploadPartSize(5 * TiB),
      64 * MiB,
    ],
    // The smallest budget (40 MiB): a share of 40 MiB, one upload of 8 MiB parts.
    ['unknown size, 40 MiB budget', 40 * MiB, undefined, 8 * MiB, 4, 40 * MiB, 40 * MiB],
    [
      '5 TiB, 40 MiB budget',
      40 * MiB,
      5 * TiB,
      uploadPartSize(5 * TiB),
      1,
      2 * uploadPartSize(5 * TiB),
      40 * MiB,
    ],
    // A big budget lets big files keep eight parts in flight.
    [
      '150 GiB, 1 GiB budget',
      GiB,
      150 * GiB,
      uploadPartSize(150 * GiB),
      8,
      9 * uploadPartSize(150 * GiB),
      9 * uploadPartSize(150 * GiB),
    ],
  ])('%s', (_label, budget, size, partSize, queueSize, holdsBytes, reserveBytes) => {
    expect(uploadPlan(size, budget)).toEqual({ partSize, queueSize, holdsBytes, reserveBytes });
  });

  it('never reserves more than the share, and fits it whenever two parts do', () => {
    for (const budget of [40 * MiB, 100 * MiB, 256 * MiB, 4 * GiB]) {
      const share = uploadShareBytes(budget);
      for (let size = 0; size <= 5 * TiB; size += 7 * GiB + 12345) {
        const plan = uploadPlan(size, budget);
        expect(plan.reserveBytes).toBeLessThanOrEqual(share);
        expect(plan.queueSize).toBeGreaterThanOrEqual(1);
        expect(plan.queueSize).toBeLessThanOrEqual(8);
        expect(plan.holdsBytes).toBe((plan.queueSize + 1) * plan.partSize);
        if (plan.partSize * 2 <= share) expect(plan.reserveBytes).toBe(plan.holdsBytes);
        else expect(plan.reserveBytes).toBe(share);
        // The largest queue that fits: one more slot would not.
        if (plan.queueSize < 8 && plan.partSize * 2 <= share) {
          expect((plan.queueSize + 2) * plan.partSize).toBeGreaterThan(share);
        }
      }
    }
  });

  it('the threshold with the default budget: parts over 32 MiB, files over ~281 GiB', () => {
    const threshold = 32 * MiB * 9000;
    expect(threshold / GiB).toBeCloseTo(281.25, 2);
    expect(uploadPlan(threshold, 256 * MiB).reserveBytes).toBe(64 * MiB);
    expect(uploadPlan(threshold, 256 * MiB).holdsBytes).toBe(64 * MiB);
    expect(uploadPlan(threshold + 9000, 256 * MiB).holdsBytes).toBeGreaterThan(64 * MiB);
  });
});

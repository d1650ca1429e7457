/** One part of a multipart upload: its number (from 1) and its byte range [start, end). */
export type PlannedPart = { readonly n: number; readonly start: number; readonly end: number };

/** The parts of a file of `size` bytes cut in `partSize` pieces (an empty file: one empty part). */
export function planParts(size: number, partSize: number): PlannedPart[] {
  if (!Number.isInteger(partSize) || partSize <= 0) throw new RangeError('partSize must be > 0');
  const count = Math.max(1, Math.ceil(size / partSize));
  return Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    start: i * partSize,
    end: Math.min(size, (i + 1) * partSize),
  }));
}

/**
 * The parts still to send: those the store does not list with the planned size (a listed part
 * of another size — a different file, or a cut short write — is sent again).
 */
export function missingParts(
  plan: readonly PlannedPart[],
  listed: readonly { n: number; size: number }[],
): PlannedPart[] {
  const done = new Map(listed.map((p) => [p.n, p.size]));
  return plan.filter((part) => done.get(part.n) !== part.end - part.start);
}

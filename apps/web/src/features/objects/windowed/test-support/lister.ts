/**
 * An in-memory S3 listing for the estimator's tests: names sorted in byte order, listed from a
 * StartAfter a page at a time, counting the listings it answered.
 */
import { byteOrder } from '@stowage/shared';
import type { MapPage } from '../position-map';

export class MemoryLister {
  readonly keys: string[];
  listings = 0;

  constructor(
    names: Iterable<string>,
    private readonly pageSize = 1000,
  ) {
    const keys = [...names];
    // UTF-16 order is byte order unless a key has a character above U+FFFF (then the slow way).
    this.keys = keys.some((k) => /[\uD800-\uDFFF]/.test(k)) ? keys.sort(byteOrder) : keys.sort();
  }

  /** The index of the first name > startAfter (null: 0). */
  indexAfter(startAfter: string | null): number {
    if (startAfter === null) return 0;
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byteOrder(this.keys[mid]!, startAfter) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the first name ≥ key. */
  rankOf(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byteOrder(this.keys[mid]!, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  list(startAfter: string | null): MapPage {
    this.listings++;
    const from = this.indexAfter(startAfter);
    const keys = this.keys.slice(from, from + this.pageSize);
    return { startAfter, keys, truncated: from + this.pageSize < this.keys.length };
  }
}

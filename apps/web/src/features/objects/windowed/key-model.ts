/**
 * Where keys lie, measured in the alphabet the folder actually uses. Raw byte space is mostly
 * empty: a digit takes 10 of 256 byte values, so the byte distance of 1,000 `img_0012…` keys and
 * of 100,000 differs by 25.6× per digit, and a count carried from one scale to another is
 * wrong by powers of 25.6. Here each position is read in the alphabet seen there — the bytes
 * the recorded keys have at that depth in the same context (the shape of the bytes before it:
 * digit, letter, capital, non-ASCII, punctuation as is).
 * A key is then a mixed-radix fraction, as in arithmetic coding with uniform symbols; in it a
 * family of names (`img_0000000…img_2999999`, timestamps) fills its range about evenly.
 * Positions are taken relative to the node where two keys part (never one float for a whole
 * key), so a dense cluster keeps full precision.
 */

/** Weight of a byte never seen in a context (a seen one, or one of its class, weighs 1). */
const UNSEEN_WEIGHT = 1 / 1024;
/** Depth below which a fraction no longer changes a double. */
const MIN_SCALE = 2 ** -50;

/** A context's symbols: slot 0 is "the key ends here", slot b + 1 is byte b. */
type Alphabet = { seen: Uint8Array; cumulative: Float64Array | null };

/** A byte's shape: 0x100 digit, 0x101 letter, 0x102 capital, 0x103 non-ASCII, else itself. */
function shapeOf(b: number): number {
  if (b >= 0x30 && b <= 0x39) return 0x100;
  if (b >= 0x61 && b <= 0x7a) return 0x101;
  if (b >= 0x41 && b <= 0x5a) return 0x102;
  if (b >= 0x80) return 0x103;
  return b;
}

/**
 * The byte ranges a seen byte vouches for, and the weight it lends the unseen ones: a digit
 * for all ten, a letter for its case; an unseen one of the class weighs less than a seen one.
 */
const CLASSES: [number, number, number][] = [
  [0x30, 0x39, 0.3],
  [0x41, 0x5a, 0.05],
  [0x61, 0x7a, 0.05],
];

const ROOT = 0x811c9dc5;

/** A never-seen context: every byte alike, no end. */
const RAW = (() => {
  const c = new Float64Array(258);
  for (let i = 1; i < 258; i++) c[i] = i - 1;
  return c;
})();

export class KeyModel {
  private readonly contexts = new Map<number, Alphabet>();
  /** Bumped when an alphabet gains a symbol (positions computed before may have moved). */
  version = 0;

  constructor(private readonly prefixBytes: number) {}

  /** A context is a 32-bit hash of the shapes before it (a collision only shares an alphabet). */
  private contextAfter(context: number, b: number): number {
    return Math.imul(context ^ shapeOf(b), 0x9e3779b1) >>> 0;
  }

  private see(context: number, slot: number): void {
    let a = this.contexts.get(context);
    if (!a) {
      a = { seen: new Uint8Array(257), cumulative: null };
      this.contexts.set(context, a);
    }
    if (a.seen[slot]) return;
    a.seen[slot] = 1;
    a.cumulative = null;
    this.version++;
  }

  /** Learns the symbols of a key at each depth. */
  observe(key: Uint8Array): void {
    let context = ROOT;
    for (let i = this.prefixBytes; i < key.length; i++) {
      this.see(context, key[i]! + 1);
      context = this.contextAfter(context, key[i]!);
    }
    this.see(context, 0);
  }

  /** Cumulative weights of a context's 257 slots (cumulative[s] is the weight below slot s). */
  private weights(context: number): Float64Array {
    const a = this.contexts.get(context);
    if (!a) return RAW;
    if (!a.cumulative) {
      const w = new Float64Array(257).fill(UNSEEN_WEIGHT);
      w[0] = a.seen[0] ? 1 : 0;
      for (let b = 0; b < 256; b++) if (a.seen[b + 1]) w[b + 1] = 1;
      for (const [lo, hi, weight] of CLASSES) {
        let any = false;
        for (let b = lo; b <= hi; b++) any ||= a.seen[b + 1] === 1;
        if (any) for (let b = lo; b <= hi; b++) w[b + 1] = Math.max(w[b + 1]!, weight);
      }
      a.cumulative = new Float64Array(258);
      for (let i = 0; i < 257; i++) a.cumulative[i + 1] = a.cumulative[i]! + w[i]!;
    }
    return a.cumulative;
  }

  /** Symbol b's place in a context (b −1: the key ends): [start, width], as shares of 1. */
  private slot(context: number, b: number): [number, number] {
    const c = this.weights(context);
    const total = c[257]!;
    return [c[b + 1]! / total, (c[b + 2]! - c[b + 1]!) / total];
  }

  /** The context at depth p of a key, and log2 of the width of its node there. */
  private node(key: Uint8Array, p: number): { context: number; log2Width: number } {
    let context = ROOT;
    let log2Width = 0;
    for (let i = this.prefixBytes; i < p; i++) {
      const [, width] = this.slot(context, key[i]!);
      if (width === 0) return { context, log2Width: -Infinity };
      log2Width += Math.log2(width);
      context = this.contextAfter(context, key[i]!);
    }
    return { context, log2Width };
  }

  /** The key's position (0…1) inside the node at depth p whose context is given. */
  private position(key: Uint8Array, p: number, context: number): number {
    let pos = 0;
    let scale = 1;
    for (let i = p; scale > MIN_SCALE; i++) {
      const b = i < key.length ? key[i]! : -1;
      const [start, width] = this.slot(context, b);
      pos += scale * start;
      if (b < 0) break;
      scale *= width;
      context = this.contextAfter(context, b);
    }
    return pos;
  }

  /** log2 of the distance from a to b (a ≤ b) in the model; −Infinity when none. */
  log2Span(a: Uint8Array, b: Uint8Array): number {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    p = Math.max(p, this.prefixBytes);
    const { context, log2Width } = this.node(a, p);
    if (log2Width === -Infinity) return -Infinity;
    const d = this.position(b, p, context) - this.position(a, p, context);
    return d > 0 ? log2Width + Math.log2(d) : -Infinity;
  }

  /**
   * Bytes at fraction t of the way from a to b in the model (built from the alphabets' symbols,
   * so a probe looks like the folder's names), or null when the model cannot place it.
   */
  bytesAt(a: Uint8Array, b: Uint8Array, t: number): Uint8Array | null {
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    p = Math.max(p, this.prefixBytes);
    const { context: start, log2Width } = this.node(a, p);
    if (log2Width === -Infinity) return null;
    const pa = this.position(a, p, start);
    let target = pa + t * (this.position(b, p, start) - pa);
    const out = Array.from(a.subarray(0, p));
    let context = start;
    for (let i = p, scale = 1; scale > MIN_SCALE && i < 1024; i++) {
      const c = this.weights(context);
      const total = c[257]!;
      const goal = target * total;
      let lo = 0;
      let hi = 256;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (c[mid]! <= goal) lo = mid;
        else hi = mid - 1;
      }
      if (lo === 0) break; // the key ends here
      const width = (c[lo + 1]! - c[lo]!) / total;
      out.push(lo - 1);
      target = (target - c[lo]! / total) / width;
      scale *= width;
      if (!this.contexts.has(context)) break;
      context = this.contextAfter(context, lo - 1);
    }
    return Uint8Array.from(out);
  }
}

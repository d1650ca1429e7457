/** Speed is measured over this window. */
const SPEED_WINDOW_MS = 3000;
/** Below this much time measured, no speed is said yet. */
const MIN_WINDOW_MS = 200;

/** Each transfer's speed: bytes per second over its last few seconds of progress. */
export function createSpeedMeter() {
  const samples = new Map<number, { time: number; loaded: number }[]>();
  return {
    /** Records `loaded` bytes now; the speed, or null while too little time was measured. */
    measure(id: number, loaded: number): number | null {
      const now = performance.now();
      const list = samples.get(id) ?? [];
      list.push({ time: now, loaded });
      while (list.length > 2 && now - (list[0]?.time ?? now) > SPEED_WINDOW_MS) list.shift();
      samples.set(id, list);
      const first = list[0];
      if (!first || now - first.time < MIN_WINDOW_MS) return null;
      return ((loaded - first.loaded) * 1000) / (now - first.time);
    },
    forget(id: number) {
      samples.delete(id);
    },
  };
}

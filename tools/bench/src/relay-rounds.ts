/**
 * The rounds of a relay benchmark (download, zip): the same bytes read through the API,
 * directly, and directly through a bare TCP pipe (the least any relay does: the ceiling).
 */

export interface RelayRuns {
  api: () => Promise<number>;
  direct: () => Promise<number>;
  pipe: () => Promise<number>;
}

/** Throughputs and ratios per round, logged as they come. */
export class RelayRounds {
  readonly viaApi: number[] = [];
  readonly direct: number[] = [];
  /** Direct time ÷ API time: the API's throughput as a share of the direct one. */
  readonly ratios: number[] = [];
  readonly pipeRatios: number[] = [];

  constructor(
    private readonly mib: number,
    private readonly log: (msg: string) => void,
    private readonly label = 'API',
  ) {}

  /** Runs one round; each round starts with a different one of the three (a later read finds the store warmer). */
  async round(r: number, runs: RelayRuns): Promise<void> {
    const order = [runs.api, runs.direct, runs.pipe];
    const times = [0, 0, 0];
    for (let i = 0; i < order.length; i++) {
      const which = (r + i) % order.length;
      times[which] = await order[which]!();
    }
    const [a, d, p] = times as [number, number, number];
    const mib = this.mib;
    this.viaApi.push(mib / a);
    this.direct.push(mib / d);
    this.ratios.push(d / a);
    this.pipeRatios.push(d / p);
    this.log(
      `  round ${r + 1}: ${this.label} ${(mib / a).toFixed(1)} MiB/s, direct ${(mib / d).toFixed(1)} MiB/s, ratio ${(d / a).toFixed(2)}; TCP pipe ratio ${(d / p).toFixed(2)}`,
    );
  }
}

import type { Registry } from "prom-client";

/** One labelled series of a HotCounter; the caller keeps it and adds to `value` (monotonic, never reset). */
export type CounterSeries = { value: number };

/**
 * A Prometheus counter for the request path. prom-client's Counter hashes and validates its label set on every
 * `inc`, even through a bound child (~5 µs per request at two counters, docs/performance.md); here a caller looks
 * its series up once and then only adds. The registry renders it like prom-client's own counter.
 */
export class HotCounter<L extends string> {
  readonly type = "counter";
  readonly aggregator = "sum";
  private readonly all = new Map<string, { labels: Record<L, string>; series: CounterSeries }>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly L[],
  ) {}

  /** The series of these label values, created at 0 on first use. */
  series(labels: Record<L, string>): CounterSeries {
    const key = this.labelNames.map((name) => labels[name]).join("\u0000");
    let found = this.all.get(key);
    if (!found) {
      found = { labels: { ...labels }, series: { value: 0 } };
      this.all.set(key, found);
    }
    return found.series;
  }

  async get() {
    const values = [...this.all.values()].map(({ labels, series }) => ({ labels, value: series.value }));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  register(registry: Registry): this {
    // prom-client's registry accepts any object with name and get(); its type declarations only name its own classes.
    registry.registerMetric(this as unknown as Parameters<Registry["registerMetric"]>[0]);
    return this;
  }
}

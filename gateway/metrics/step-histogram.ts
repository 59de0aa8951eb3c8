import type { Registry } from "prom-client";

/**
 * A Prometheus histogram of pipeline step durations, counted in plain arrays. prom-client's own Histogram hashes
 * its label set on every observation, which at five steps per request was a measurable share of the gateway's
 * CPU (docs/performance.md); here a step's counters are found by name and an observation is a bucket search and
 * three additions. The registry reads it like any prom-client metric (`get()` in the shape prom-client renders).
 */
export class StepHistogram {
  readonly type = "histogram";
  readonly aggregator = "sum";
  private readonly steps = new Map<string, { buckets: Float64Array; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly upperBounds: readonly number[],
  ) {}

  observe(step: string, seconds: number): void {
    let series = this.steps.get(step);
    if (!series) {
      series = { buckets: new Float64Array(this.upperBounds.length), sum: 0, count: 0 };
      this.steps.set(step, series);
    }
    const bounds = this.upperBounds;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= (bounds[i] as number)) {
        (series.buckets[i] as number)++;
        break;
      }
    }
    series.sum += seconds;
    series.count++;
  }

  /** prom-client's rendering shape: cumulative `_bucket` lines per `le` (and `+Inf`), then `_sum` and `_count`. */
  async get() {
    const values: Array<{ metricName: string; labels: Record<string, string | number>; value: number }> = [];
    for (const [step, series] of this.steps) {
      let cumulative = 0;
      this.upperBounds.forEach((bound, i) => {
        cumulative += series.buckets[i] as number;
        values.push({ metricName: `${this.name}_bucket`, labels: { le: bound, step }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: "+Inf", step }, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: { step }, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: { step }, value: series.count });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.steps.clear();
  }

  register(registry: Registry): this {
    // prom-client's registry accepts any object with name and get(); its type declarations only name its own classes.
    registry.registerMetric(this as unknown as Parameters<Registry["registerMetric"]>[0]);
    return this;
  }
}

import type { GatewayMetrics, PipelineStep } from "../metrics/interface";

/**
 * Times the pipeline's steps of one request: each step's milliseconds for the dispatch row, and its seconds for
 * the step histogram. One object per request (no closures), begun and ended in place around each step; ending
 * when no step runs does nothing, so the request's `finally` can always end whatever step threw.
 */
export class StepTimer {
  readonly timings: Partial<Record<PipelineStep, number>> = {};
  private step: PipelineStep | undefined;
  private startedAt = 0;

  constructor(private readonly metrics: GatewayMetrics) {}

  begin(step: PipelineStep): void {
    this.step = step;
    this.startedAt = performance.now();
  }

  end(): void {
    const step = this.step;
    if (step === undefined) return;
    const seconds = (performance.now() - this.startedAt) / 1000;
    this.timings[step] = Math.round(seconds * 10_000) / 10;
    this.metrics.stepDuration(step, seconds);
    this.step = undefined;
  }
}

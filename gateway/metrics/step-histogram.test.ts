import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { StepHistogram } from "./step-histogram";

const BUCKETS = [0.0005, 0.001, 0.01, 1];

describe("StepHistogram", () => {
  it("renders exactly what prom-client's own Histogram renders for the same observations", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const fast = new StepHistogram("step_seconds", "Time per step", BUCKETS).register(ours);
    const reference = new Histogram({
      name: "step_seconds",
      help: "Time per step",
      labelNames: ["step"],
      buckets: BUCKETS,
      registers: [theirs],
    });
    const observations: Array<[string, number]> = [
      ["verify", 0.0002],
      ["verify", 0.0005],
      ["proxy", 0.004],
      ["proxy", 2.5],
      ["verify", 0.0011],
      ["resolve", 1],
    ];
    for (const [step, seconds] of observations) {
      fast.observe(step, seconds);
      reference.observe({ step }, seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it("starts empty again after reset", async () => {
    const registry = new Registry();
    const fast = new StepHistogram("empty_seconds", "h", BUCKETS).register(registry);
    fast.observe("verify", 0.1);
    fast.reset();
    expect((await fast.get()).values).toEqual([]);
  });
});

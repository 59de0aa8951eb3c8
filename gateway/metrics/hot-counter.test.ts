import { Counter, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { HotCounter } from "./hot-counter";

describe("HotCounter", () => {
  it("renders exactly what prom-client's own Counter renders for the same increments", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const hot = new HotCounter("requests_total", "Requests by status and plan", ["status", "plan"] as const).register(
      ours,
    );
    const reference = new Counter({
      name: "requests_total",
      help: "Requests by status and plan",
      labelNames: ["status", "plan"],
      registers: [theirs],
    });
    const ok = hot.series({ status: "200", plan: "pro" });
    for (let i = 0; i < 3; i++) {
      ok.value++;
      reference.inc({ status: "200", plan: "pro" });
    }
    hot.series({ status: "401", plan: "free" }).value += 2;
    reference.inc({ status: "401", plan: "free" }, 2);
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it("hands out one series per label set, and renders HELP and TYPE before any increment", async () => {
    const registry = new Registry();
    const hot = new HotCounter("cache_total", "Lookups", ["result"] as const).register(registry);
    expect(await registry.metrics()).toBe("# HELP cache_total Lookups\n# TYPE cache_total counter\n");
    expect(hot.series({ result: "hit" })).toBe(hot.series({ result: "hit" }));
  });
});

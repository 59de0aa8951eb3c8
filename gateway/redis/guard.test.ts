import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createRedisGuard } from "./guard";
import type { RedisEvent } from "./health";

// Only `status` is read by the guard itself; operations receive the object and are stubbed per test.
const connection = (status: string) => ({ status }) as unknown as Redis;

describe("redis guard", () => {
  it("turns a command timeout into a counted fail-open instead of an exception", async () => {
    const guard = createRedisGuard(connection("ready"), { failureThreshold: 5, cooldownMs: 1_000 });
    const result = await guard.run("ratelimit", () => Promise.reject(new Error("Command timed out")));
    expect(result).toEqual({ ok: false, reason: "timeout" });
    expect(guard.health.failOpenCounts().ratelimit.timeout).toBe(1);
  });

  it("does not even try a disconnected Redis, and skips Redis entirely once the breaker is open", async () => {
    let clock = 0;
    const guard = createRedisGuard(connection("reconnecting"), {
      failureThreshold: 2,
      cooldownMs: 1_000,
      now: () => clock,
    });
    const events: RedisEvent[] = [];
    guard.health.onEvent((event) => events.push(event));
    let calls = 0;
    const op = async () => {
      calls += 1;
      return "never";
    };
    for (let i = 0; i < 4; i++) await guard.run("directory", op);
    expect(calls).toBe(0);
    expect(guard.health.breakerState()).toBe("open");
    expect(guard.health.failOpenCounts().directory).toEqual({
      "breaker-open": 2,
      unavailable: 2,
      timeout: 0,
      error: 0,
    });
    expect(events).toContainEqual({ type: "breaker", state: "open" });
    clock = 1_000;
    await guard.run("directory", op);
    expect(events).toContainEqual({ type: "breaker", state: "half-open" });
  });

  it("closes the breaker again when a probe succeeds", async () => {
    let clock = 0;
    const guard = createRedisGuard(connection("ready"), { failureThreshold: 1, cooldownMs: 100, now: () => clock });
    await guard.run("activity", () => Promise.reject(new Error("ERR boom")));
    expect(guard.health.breakerState()).toBe("open");
    expect(guard.health.failOpenCounts().activity.error).toBe(1);
    clock = 100;
    expect(await guard.run("activity", async () => 42)).toEqual({ ok: true, value: 42 });
    expect(guard.health.breakerState()).toBe("closed");
  });
});

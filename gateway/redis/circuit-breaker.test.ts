import { describe, expect, it } from "vitest";
import { createCircuitBreaker, type BreakerState } from "./circuit-breaker";

function breaker() {
  let clock = 0;
  const changes: BreakerState[] = [];
  const b = createCircuitBreaker({
    failureThreshold: 3,
    cooldownMs: 1_000,
    now: () => clock,
    onStateChange: (s) => changes.push(s),
  });
  return { b, changes, advance: (ms: number) => (clock += ms) };
}

describe("circuit breaker", () => {
  it("stays closed below the threshold, and a success resets the count", () => {
    const { b } = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe("closed");
    expect(b.tryAcquire()).toBe(true);
  });

  it("opens after N consecutive failures and then refuses every call until the cooldown ends", () => {
    const { b, changes, advance } = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    expect(b.state).toBe("open");
    expect(changes).toEqual(["open"]);
    advance(999);
    expect(b.tryAcquire()).toBe(false);
  });

  it("lets exactly one probe through after the cooldown (half-open); its success closes the breaker", () => {
    const { b, changes, advance } = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    advance(1_000);
    expect(b.tryAcquire()).toBe(true);
    expect(b.state).toBe("half-open");
    expect(b.tryAcquire()).toBe(false);
    b.success();
    expect(b.state).toBe("closed");
    expect(b.tryAcquire()).toBe(true);
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });

  it("re-opens for another full cooldown when the probe fails", () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    advance(1_000);
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.state).toBe("open");
    advance(500);
    expect(b.tryAcquire()).toBe(false);
    advance(500);
    expect(b.tryAcquire()).toBe(true);
  });
});

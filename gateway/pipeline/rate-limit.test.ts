import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors";
import { createInProcessRateLimiter } from "../ratelimit/in-process";
import type { RateLimiter } from "../ratelimit/interface";
import { stubProject, stubRequest, stubResponse } from "../testing/stubs";
import { enforceRateLimit, limitPerMinute } from "./rate-limit";

describe("rate-limit step", () => {
  it("uses the plan's limit unless the project sets its own, scaled by the multiplier", () => {
    expect(limitPerMinute({ plan: "free", rateLimitPerMinute: null }, 1)).toBe(20);
    expect(limitPerMinute({ plan: "pro", rateLimitPerMinute: null }, 1)).toBe(100);
    expect(limitPerMinute({ plan: "enterprise", rateLimitPerMinute: null }, 1)).toBe(1000);
    expect(limitPerMinute({ plan: "free", rateLimitPerMinute: 7 }, 1)).toBe(7);
    expect(limitPerMinute({ plan: "free", rateLimitPerMinute: null }, 50)).toBe(1000);
    expect(limitPerMinute({ plan: "free", rateLimitPerMinute: 1 }, 0.1)).toBe(1);
  });

  it("lets requests through with RateLimit-* headers, then answers 429 with Retry-After", async () => {
    const project = await stubProject({ rateLimitPerMinute: 2 });
    const limiter = createInProcessRateLimiter({ now: () => 90_000 });
    const res = stubResponse(stubRequest());
    await enforceRateLimit(res, project, limiter, 1);
    expect(res.getHeader("ratelimit-remaining")).toBe("1");
    await enforceRateLimit(res, project, limiter, 1);
    const error = await enforceRateLimit(res, project, limiter, 1).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 429,
      code: "FLUX-GW-RATE-LIMITED",
      headers: { "Retry-After": "30", "RateLimit-Limit": "2", "RateLimit-Remaining": "0", "RateLimit-Reset": "30" },
    });
  });

  it("fails open when the limiter itself fails", async () => {
    const broken: RateLimiter = { hit: () => Promise.reject(new Error("redis down")) };
    const seen: unknown[] = [];
    const res = stubResponse(stubRequest());
    await expect(enforceRateLimit(res, await stubProject(), broken, 1, (e) => seen.push(e))).resolves.toBeUndefined();
    expect(seen).toHaveLength(1);
  });

  it("lets a request through without RateLimit-* headers when the limiter could not count (failedOpen)", async () => {
    const uncounted: RateLimiter = {
      hit: async () => ({ allowed: true, remaining: 5, resetSeconds: 10, failedOpen: true }),
    };
    const res = stubResponse(stubRequest());
    await expect(enforceRateLimit(res, await stubProject(), uncounted, 1)).resolves.toBeUndefined();
    expect(res.getHeader("ratelimit-remaining")).toBeUndefined();
  });
});

describe("in-process rate limiter", () => {
  it("counts per tenant in fixed minute windows", async () => {
    let clock = 60_000 * 10 + 59_000;
    const limiter = createInProcessRateLimiter({ now: () => clock });
    expect(await limiter.hit("a", 1)).toEqual({ allowed: true, remaining: 0, resetSeconds: 1 });
    expect((await limiter.hit("a", 1)).allowed).toBe(false);
    expect((await limiter.hit("b", 1)).allowed).toBe(true);
    clock += 1_000;
    expect(await limiter.hit("a", 1)).toEqual({ allowed: true, remaining: 0, resetSeconds: 60 });
  });
});

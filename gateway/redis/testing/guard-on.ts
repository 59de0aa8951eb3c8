import { afterAll, beforeAll } from "vitest";
import { Redis } from "ioredis";
import { createRequestPathRedis } from "../client";
import { createRedisGuard, type RedisGuard } from "../guard";

/** A guarded request-path connection for tests, ready before it is returned (or after 2 s, if it cannot be). */
export async function guardOn(
  url: string,
  options: { commandTimeoutMs?: number; failureThreshold?: number; cooldownMs?: number } = {},
): Promise<RedisGuard & { close(): void }> {
  const redis = createRequestPathRedis(url, {
    commandTimeoutMs: options.commandTimeoutMs ?? 50,
    connectionName: "flux-test",
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const guard = createRedisGuard(redis, {
    failureThreshold: options.failureThreshold ?? 5,
    cooldownMs: options.cooldownMs ?? 1_000,
  });
  return { ...guard, close: () => redis.disconnect() };
}

/** A plain connection for a test's own checks (reading keys the code under test wrote). */
export const inspector = (url: string): Redis => new Redis(url, { connectionName: "flux-test-inspector" });

/**
 * Registers beforeAll/afterAll for a describe block on the shared Redis: a guarded connection (generous timeout,
 * this is not a fault test) and an inspector. Read `guard` inside tests, after beforeAll ran.
 */
export function useSharedRedis(url: string) {
  const state = { guard: undefined as unknown as Awaited<ReturnType<typeof guardOn>>, check: inspector(url) };
  beforeAll(async () => {
    state.guard = await guardOn(url, { commandTimeoutMs: 500 });
  });
  afterAll(() => {
    state.guard.close();
    state.check.disconnect();
  });
  return state;
}

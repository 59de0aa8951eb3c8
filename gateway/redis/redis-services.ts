import type { ActivityRecorder } from "../activity/interface";
import { createRedisDispatchStore, type DispatchStore } from "../debug/dispatch-store";
import { createRedisActivity } from "../activity/redis";
import type { GatewaySettings } from "../config";
import { subscribeToHostEvictions, type HostEvictions } from "../directory/host-evictions";
import { createRedisHostCache, type SharedHostCache } from "../directory/shared-host-cache";
import type { ProjectDirectory } from "../directory/types";
import type { Logger } from "../log";
import type { RateLimiter } from "../ratelimit/interface";
import { createRedisRateLimiter } from "../ratelimit/redis";
import { createRequestPathRedis } from "./client";
import { createRedisGuard } from "./guard";
import type { RedisHealth } from "./health";

export type RedisServices = {
  health: RedisHealth;
  rateLimiter: RateLimiter;
  activity: ActivityRecorder;
  /** Dispatch rows shared with the control plane (request-id lookup, support views). */
  dispatches: DispatchStore;
  hostCache: SharedHostCache;
  /** Starts the eviction subscriber for this directory (its own connection). */
  listenForEvictions(directory: Pick<ProjectDirectory, "evict" | "clear">): void;
  close(): Promise<void>;
};

/**
 * Everything the gateway keeps in Redis, sharing one request-path connection and one breaker: when Redis is
 * down, rate limiting, host lookups and activity all stop waiting for it together.
 */
export function createRedisServices(url: string, settings: GatewaySettings, logger: Logger): RedisServices {
  let lastLoggedAt = 0;
  // A dead Redis errors on every reconnect attempt; one line per 10 s is enough to see it in the log.
  const onError = (error: Error) => {
    if (Date.now() - lastLoggedAt < 10_000) return;
    lastLoggedAt = Date.now();
    logger({ level: "warn", msg: "redis connection error; going on without Redis (fail-open)", err: error.message });
  };
  const redis = createRequestPathRedis(url, {
    commandTimeoutMs: settings.FLUX_GATEWAY_REDIS_COMMAND_TIMEOUT_MS,
    connectionName: "flux-gateway",
    onError,
  });
  const guard = createRedisGuard(redis, {
    failureThreshold: settings.FLUX_GATEWAY_REDIS_BREAKER_FAILURES,
    cooldownMs: settings.FLUX_GATEWAY_REDIS_BREAKER_COOLDOWN_MS,
  });
  guard.health.onEvent((event) => {
    if (event.type === "breaker") logger({ level: "warn", msg: `redis circuit breaker ${event.state}` });
  });
  let evictions: HostEvictions | undefined;
  const activity = createRedisActivity(guard);
  const dispatches = createRedisDispatchStore(guard);
  return {
    health: guard.health,
    rateLimiter: createRedisRateLimiter(guard, { maxLease: settings.FLUX_GATEWAY_RATE_LIMIT_LEASE_MAX }),
    activity,
    dispatches,
    hostCache: createRedisHostCache(guard, { ttlSeconds: settings.FLUX_GATEWAY_REDIS_HOST_TTL_S }),
    listenForEvictions(directory) {
      evictions ??= subscribeToHostEvictions(url, directory, { onError });
    },
    async close() {
      await Promise.all([activity.close(), dispatches.close()]);
      await evictions?.close();
      redis.disconnect();
    },
  };
}

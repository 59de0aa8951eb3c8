import { Redis } from "ioredis";

/** One connection per URL per process, kept on globalThis so Next's dev reloads do not leak connections. */
const holder = globalThis as typeof globalThis & { __fluxControlPlaneRedis?: Map<string, Redis> };

/**
 * The control plane's Redis connection, for cache eviction only. Commands fail fast instead of queueing while
 * disconnected: a write to flux-system has already committed when it evicts, and must not hang on a cache.
 */
export function controlPlaneRedis(url: string): Redis {
  holder.__fluxControlPlaneRedis ??= new Map();
  let redis = holder.__fluxControlPlaneRedis.get(url);
  if (!redis) {
    redis = new Redis(url, {
      connectionName: "flux-control-plane",
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 1_000,
      retryStrategy: (attempt) => Math.min(2_000, 100 * attempt),
    });
    redis.on("error", () => {}); // Failures surface (and are logged) where a command fails.
    holder.__fluxControlPlaneRedis.set(url, redis);
  }
  return redis;
}

/** Connects once now so the first eviction does not meet a connection that is still being set up. */
export async function readyControlPlaneRedis(url: string): Promise<Redis> {
  const redis = controlPlaneRedis(url);
  if (redis.status !== "ready") {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return redis;
}

/** Tests and orderly shutdown. */
export async function closeControlPlaneRedis(): Promise<void> {
  const all = [...(holder.__fluxControlPlaneRedis?.values() ?? [])];
  holder.__fluxControlPlaneRedis = undefined;
  await Promise.all(all.map((redis) => redis.quit().catch(() => redis.disconnect())));
}

import { Redis, type RedisOptions } from "ioredis";

/** Reconnect delay: 50 ms doubling up to 2 s, forever — Redis coming back must be noticed without a restart. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(2_000, 50 * 2 ** Math.min(attempt, 6));
}

/**
 * A connection for the request path: never queues a command while disconnected (it fails at once), never retries
 * a command, and gives up on an answer after `commandTimeoutMs`. Whoever calls it must treat every failure as
 * "go on without Redis".
 */
export function createRequestPathRedis(
  url: string,
  options: { commandTimeoutMs: number; connectionName: string; onError?: (error: Error) => void },
): Redis {
  const redis = new Redis(url, requestPathOptions(options));
  // Without a listener ioredis prints every connection error; the guard counts failures, this only logs.
  redis.on("error", (error: Error) => options.onError?.(error));
  return redis;
}

export function requestPathOptions(options: { commandTimeoutMs: number; connectionName: string }): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 1_000,
    retryStrategy: reconnectDelayMs,
    connectionName: options.connectionName,
  };
}

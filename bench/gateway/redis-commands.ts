import { Redis } from "ioredis";

/**
 * Redis's total processed command count, to show whether a gateway run used Redis at all (a delta of about
 * one or more commands per request means Redis is on the hot path). Other clients of the same Redis add noise.
 */
export async function redisCommandCount(redisUrl: string): Promise<number | null> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    const info = await redis.info("stats");
    const value = /total_commands_processed:(\d+)/.exec(info)?.[1];
    return value ? Number(value) : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

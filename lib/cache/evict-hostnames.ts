import type { Redis } from "ioredis";
import { HOSTNAME_EVICT_CHANNEL, hostnameKey } from "./keys";

/**
 * Deletes the shared `hostname:{host}` entries and tells every gateway to drop the hosts from its own LRU.
 * Call it after the write that changes what a host resolves to has committed (rename, plan, status, limits,
 * domains, delete). Throws when Redis cannot be reached; evictProjectHosts turns that into a logged warning.
 */
export async function evictHostnames(redis: Redis, hostnames: readonly string[]): Promise<void> {
  const hosts = [...new Set(hostnames.map((host) => host.toLowerCase()))];
  if (hosts.length === 0) return;
  await redis
    .multi()
    .del(...hosts.map(hostnameKey))
    .publish(HOSTNAME_EVICT_CHANNEL, JSON.stringify(hosts))
    .exec();
}

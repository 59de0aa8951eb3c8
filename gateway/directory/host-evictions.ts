import { Redis } from "ioredis";
import { HOSTNAME_EVICT_CHANNEL } from "@/lib/cache/keys";
import { reconnectDelayMs } from "../redis/client";
import type { ProjectDirectory } from "./types";

export type HostEvictions = { close(): Promise<void> };

/**
 * Listens, on its own connection (a subscribed connection can do nothing else), for hostnames the control plane
 * evicted and drops them from this instance's LRU. Pub/sub delivers at most once: whatever was published while
 * the connection was down is lost, so every (re)connect clears the whole LRU instead.
 */
export function subscribeToHostEvictions(
  url: string,
  directory: Pick<ProjectDirectory, "evict" | "clear">,
  options: { onError?: (error: Error) => void; onMessage?: (hosts: string[]) => void } = {},
): HostEvictions {
  const subscriber = new Redis(url, {
    connectionName: "flux-gateway-evictions",
    retryStrategy: reconnectDelayMs,
    maxRetriesPerRequest: null,
    autoResubscribe: true,
  });
  subscriber.on("error", (error: Error) => options.onError?.(error));
  subscriber.on("ready", () => directory.clear?.());
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== HOSTNAME_EVICT_CHANNEL) return;
    const hosts = parseHosts(message);
    for (const host of hosts) directory.evict(host);
    options.onMessage?.(hosts);
  });
  subscriber.subscribe(HOSTNAME_EVICT_CHANNEL).catch((error: Error) => options.onError?.(error));
  return {
    async close() {
      subscriber.disconnect();
    },
  };
}

function parseHosts(message: string): string[] {
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) ? parsed.filter((host): host is string => typeof host === "string") : [];
  } catch {
    return [];
  }
}

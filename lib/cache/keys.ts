/**
 * Redis names shared by the control plane (writes/evicts) and the gateway (reads/subscribes). The braces are a
 * cluster hash tag; the value inside is the normalised hostname.
 */
export const hostnameKey = (host: string): string => `hostname:{${host}}`;

/** Pub/sub channel on which evicted hostnames are announced to every gateway (message: JSON array of hosts). */
export const HOSTNAME_EVICT_CHANNEL = "flux:hostname-evict";

/**
 * Redis names shared by the control plane (writes/evicts) and the gateway (reads/subscribes). The braces are a
 * cluster hash tag; the value inside is the normalised hostname.
 */
export const hostnameKey = (host: string): string => `hostname:{${host}}`;

/** Pub/sub channel on which evicted hostnames are announced to every gateway (message: JSON array of hosts). */
export const HOSTNAME_EVICT_CHANNEL = "flux:hostname-evict";

/**
 * Recent gateway dispatch rows shared through Redis so the control plane can look one up (decision 0028): one JSON
 * row per request id, and a capped newest-first list per tenant. Rows never hold a token, a header value, a query
 * string or a body. Both expire after DISPATCH_TTL_SECONDS.
 */
export const dispatchRowKey = (requestId: string): string => `dispatch:{${requestId}}`;
export const tenantDispatchesKey = (tenantId: string): string => `dispatches:{${tenantId}}`;
export const DISPATCH_TTL_SECONDS = 3_600;
export const DISPATCHES_PER_TENANT = 100;

// Which requests are operations requests (/healthz, /readyz, /metrics, /__flux/debug) rather than tenant traffic.
import type { IncomingMessage } from "node:http";
import { normalizeHost } from "@/lib/tenancy";

export const OPS_PATHS = new Set(["/healthz", "/readyz", "/metrics", "/__flux/debug"]);

/**
 * Ops paths are answered only on hosts that can never be a tenant's: loopback names, IP literals, the bare base
 * domain and FLUX_GATEWAY_OPS_HOSTS. On a Service URL or custom domain the same path goes to the tenant, so a
 * table called `healthz` stays reachable (docs/decisions/0011-gateway-ops-endpoints.md).
 */
export function isOpsHost(
  req: IncomingMessage,
  options: { baseDomain: string; extraHosts: readonly string[] },
): boolean {
  const raw = req.headers.host?.trim() ?? "";
  if (raw.startsWith("[")) return true; // an IPv6 literal, [::1]:8080
  const host = normalizeHost(raw);
  if (host === null) return false;
  return (
    host === "localhost" ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ||
    host === options.baseDomain.toLowerCase() ||
    options.extraHosts.some((extra) => extra.toLowerCase() === host)
  );
}

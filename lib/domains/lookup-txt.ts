import { Resolver } from "node:dns/promises";
import type { FluxConfig } from "@/lib/config";

export type TxtAnswer =
  | { kind: "records"; values: string[] }
  /** NXDOMAIN, or the name exists without TXT records. */
  | { kind: "missing"; reason: "nxdomain" | "nodata" }
  /** No usable answer: timeout, refused, server failure. */
  | { kind: "unreachable"; code: string };

/**
 * Asks the configured DNS servers (FLUX_DNS_SERVERS, else the system's) for `name`'s TXT records. Each record's
 * character-strings are joined, as RFC 7208 does for SPF. One try per server, bounded by FLUX_DNS_TIMEOUT_MS.
 */
export async function lookupTxt(
  config: Pick<FluxConfig, "FLUX_DNS_SERVERS" | "FLUX_DNS_TIMEOUT_MS">,
  name: string,
): Promise<TxtAnswer> {
  const resolver = new Resolver({ timeout: config.FLUX_DNS_TIMEOUT_MS, tries: 1 });
  if (config.FLUX_DNS_SERVERS) resolver.setServers(config.FLUX_DNS_SERVERS.split(",").map((server) => server.trim()));
  try {
    const records = await resolver.resolveTxt(name);
    return { kind: "records", values: records.map((chunks) => chunks.join("")) };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === "ENOTFOUND") return { kind: "missing", reason: "nxdomain" };
    if (code === "ENODATA") return { kind: "missing", reason: "nodata" };
    return { kind: "unreachable", code: typeof code === "string" ? code : "EUNKNOWN" };
  } finally {
    resolver.cancel();
  }
}

import type { GatewaySettings } from "@/gateway/config";
import type { FluxConfig } from "@/lib/config";
import { fail, pass, warn, type DoctorRow } from "./types";

/** Secrets must be present (the config schema enforces lengths) and must not be reused for two jobs. */
export function checkSecrets(config: FluxConfig, gateway: GatewaySettings): DoctorRow {
  const named: Array<[string, string | undefined]> = [
    ["FLUX_DATA_PLANE_KEY", config.FLUX_DATA_PLANE_KEY],
    ["FLUX_BRIDGE_SECRET", config.FLUX_BRIDGE_SECRET],
    ["NEXTAUTH_SECRET", config.NEXTAUTH_SECRET],
    ["FLUX_MASTER_KEY", config.FLUX_MASTER_KEY],
    ["FLUX_GATEWAY_INTERNAL_TOKEN", gateway.FLUX_GATEWAY_INTERNAL_TOKEN],
  ];
  const present = named.filter((entry): entry is [string, string] => Boolean(entry[1]));
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const [a, valueA] = present[i] ?? ["", ""];
      const [b, valueB] = present[j] ?? ["", ""];
      if (valueA === valueB)
        return fail("secrets", `${a} and ${b} hold the same value; each needs its own (openssl rand -hex 32)`);
    }
  }
  if (gateway.FLUX_GATEWAY_DEBUG && !gateway.FLUX_GATEWAY_INTERNAL_TOKEN) {
    return warn("secrets", "FLUX_GATEWAY_DEBUG=1 without FLUX_GATEWAY_INTERNAL_TOKEN: the debug snapshot stays off");
  }
  return pass("secrets", `${present.length} secrets present, at least 32 characters, none reused`);
}

/** The Service URLs the dashboard prints must be reachable names under the base domain with the public scheme. */
export function checkPublicUrls(config: FluxConfig, env: Record<string, string | undefined>): DoctorRow {
  const base = config.FLUX_BASE_DOMAIN;
  const publicUrl = env.NEXTAUTH_URL ?? env.FLUX_PUBLIC_BASE_URL;
  if (base === "localhost" && config.FLUX_PUBLIC_SCHEME === "https") {
    return warn(
      "public_urls",
      "FLUX_PUBLIC_SCHEME=https with FLUX_BASE_DOMAIN=localhost: Service URLs will name https://…localhost, which has no certificate",
    );
  }
  if (publicUrl) {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      return fail("public_urls", `NEXTAUTH_URL / FLUX_PUBLIC_BASE_URL '${publicUrl}' is not a URL`);
    }
    if (url.protocol !== `${config.FLUX_PUBLIC_SCHEME}:`) {
      return warn(
        "public_urls",
        `the dashboard's public URL uses ${url.protocol.replace(":", "")} but FLUX_PUBLIC_SCHEME is ${config.FLUX_PUBLIC_SCHEME}`,
      );
    }
    if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) {
      return warn("public_urls", `the dashboard's public host ${url.hostname} is not under FLUX_BASE_DOMAIN ${base}`);
    }
  }
  return pass("public_urls", `Service URLs: ${config.FLUX_PUBLIC_SCHEME}://api--<slug>--<hash>.${base}`);
}

/** Forwarded headers are trusted only behind a proxy; https publicly without trusting one loses the scheme. */
export function checkTrustProxy(config: FluxConfig, gateway: GatewaySettings): DoctorRow {
  if (gateway.FLUX_TRUST_PROXY && config.FLUX_BASE_DOMAIN === "localhost") {
    return warn("trust_proxy", "FLUX_TRUST_PROXY=1 on localhost: any local client can spoof X-Forwarded-For / -Proto");
  }
  if (!gateway.FLUX_TRUST_PROXY && config.FLUX_PUBLIC_SCHEME === "https") {
    return warn(
      "trust_proxy",
      "FLUX_PUBLIC_SCHEME=https but FLUX_TRUST_PROXY=0: behind a TLS-terminating proxy the gateway will not see the original scheme and client address",
    );
  }
  return pass(
    "trust_proxy",
    gateway.FLUX_TRUST_PROXY ? "forwarded headers trusted (behind a proxy)" : "forwarded headers ignored (no proxy)",
  );
}

import type { FluxConfig } from "@/lib/config";
import { redactUrl } from "@/lib/config";
import type { GatewaySettings } from "../config";
import type { DispatchRing } from "./dispatch-ring";

/**
 * What GET /__flux/debug shows. Built from an allow-list of fields rather than by deleting secrets from the
 * config, so a secret added to the config later stays out of the snapshot by default.
 */
export function debugSnapshot(
  config: FluxConfig,
  settings: GatewaySettings,
  connections: { databaseUrl: string; upstreams: readonly string[] },
  ring: DispatchRing,
) {
  const {
    FLUX_GATEWAY_INTERNAL_TOKEN: internalToken,
    FLUX_GATEWAY_DATABASE_URL: _ownUrl,
    ...gatewaySettings
  } = settings;
  const upstreams = connections.upstreams;
  return {
    gateway: {
      baseDomain: config.FLUX_BASE_DOMAIN,
      publicScheme: config.FLUX_PUBLIC_SCHEME,
      database: redactUrl(connections.databaseUrl),
      redis: config.REDIS_URL ? redactUrl(config.REDIS_URL) : null,
      upstreams: upstreams.map(redactUrl),
      bodyLimitBytes: config.FLUX_BODY_LIMIT_BYTES,
      settings: { ...gatewaySettings, FLUX_GATEWAY_INTERNAL_TOKEN: internalToken ? "[set]" : null },
    },
    recent: ring.recent(),
  };
}

import { loadGatewaySettings } from "@/gateway/config";
import { DEFAULT_GATEWAY_VIEW, type GatewayView } from "./diagnose-project-request";

let cached: GatewayView | undefined;

/**
 * The gateway settings a diagnosis must mirror (JWT leeway, rate-limit multiplier), parsed once from the same
 * environment the gateway reads; the gateway's defaults when that environment does not parse.
 */
export function gatewayViewOnce(env: Record<string, string | undefined>): GatewayView {
  if (cached) return cached;
  try {
    const settings = loadGatewaySettings(env);
    cached = {
      leewaySeconds: settings.FLUX_GATEWAY_JWT_LEEWAY_S,
      rateLimitMultiplier: settings.FLUX_RATE_LIMIT_MULTIPLIER,
    };
  } catch {
    cached = DEFAULT_GATEWAY_VIEW;
  }
  return cached;
}

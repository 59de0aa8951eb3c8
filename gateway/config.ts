import { z } from "zod";
import { ConfigError } from "@/lib/config";

/**
 * Settings only the gateway reads. lib/config is shared by every process, so these are parsed here, once, at
 * start-up — never per request.
 */
export const GatewaySettings = z.object({
  /** Scales every per-minute limit; end-to-end suites raise it so a free project survives a test run. */
  FLUX_RATE_LIMIT_MULTIPLIER: z.coerce
    .number()
    .positive("FLUX_RATE_LIMIT_MULTIPLIER must be a positive number such as 1 or 50")
    .default(1),
  /** How long to wait for a TCP connection to rest before answering 502. */
  FLUX_GATEWAY_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /** How long rest may stay silent (before headers or between body chunks) before answering 504. */
  FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a host → project resolution is reused before flux-system is asked again. */
  FLUX_GATEWAY_HOST_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5_000),
});
export type GatewaySettings = z.infer<typeof GatewaySettings>;

export function loadGatewaySettings(env: Record<string, string | undefined> = process.env): GatewaySettings {
  const parsed = GatewaySettings.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new ConfigError(`Gateway configuration is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

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
  /** With REDIS_URL: how long a request waits for any Redis answer before going on without it (fail-open). */
  FLUX_GATEWAY_REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(5).max(5_000).default(50),
  /** With REDIS_URL: consecutive Redis failures after which Redis is skipped entirely for a cooldown. */
  FLUX_GATEWAY_REDIS_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  /** With REDIS_URL: how long the breaker stays open before one probe call tries Redis again. */
  FLUX_GATEWAY_REDIS_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(10).default(2_000),
  /** With REDIS_URL: lifetime of a shared `hostname:{host}` entry; explicit eviction normally comes first. */
  FLUX_GATEWAY_REDIS_HOST_TTL_S: z.coerce.number().int().min(1).default(60),
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

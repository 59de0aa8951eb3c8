import { z } from "zod";
import { ConfigError } from "@/lib/config";
import { refusedForwardHeaders } from "./pipeline/forward-allow-list";

const flag = z
  .enum(["0", "1", "true", "false"], { message: "must be 0 or 1" })
  .default("0")
  .transform((value) => value === "1" || value === "true");
const commaList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  );
const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
  FLUX_GATEWAY_CONNECT_TIMEOUT_MS: ms(2_000),
  /** How long rest may stay silent (before headers or between body chunks) before answering 504. */
  FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS: ms(30_000),
  /** How long a host → project resolution is reused before flux-system is asked again. */
  FLUX_GATEWAY_HOST_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5_000),

  // --- Limits on what a client may make the gateway hold (slowloris, huge bodies, huge URLs).
  /** A client must finish sending the request head within this time (node's headersTimeout) → 408. */
  FLUX_GATEWAY_HEADERS_TIMEOUT_MS: ms(10_000),
  /** A client must finish sending the whole request within this time (node's requestTimeout) → 408. */
  FLUX_GATEWAY_REQUEST_TIMEOUT_MS: ms(60_000),
  /** A request body that stalls this long between chunks is cut → 408. */
  FLUX_GATEWAY_BODY_IDLE_TIMEOUT_MS: ms(10_000),
  /** Longest request target (path + query) → 414. */
  FLUX_GATEWAY_MAX_URL_BYTES: z.coerce.number().int().min(256).max(16_000).default(8_192),
  /** Longest bearer token accepted; a longer one is refused before any cryptography runs. */
  FLUX_GATEWAY_MAX_TOKEN_BYTES: z.coerce.number().int().min(512).max(16_000).default(8_192),
  /** Clock skew tolerated on exp / nbf / iat, in seconds; bounded so a typo cannot disable expiry. */
  FLUX_GATEWAY_JWT_LEEWAY_S: z.coerce
    .number()
    .int()
    .min(0)
    .max(300, "FLUX_GATEWAY_JWT_LEEWAY_S is at most 300")
    .default(30),

  // --- Third-party issuers' JWKS (docs/decisions/0020-jwks-cache-and-refresh.md).
  /** Least time between two fetches of one JWKS URL (an unknown kid refreshes at most this often). */
  FLUX_GATEWAY_JWKS_COOLDOWN_S: z.coerce.number().int().min(1).max(3_600).default(30),
  /** A cached JWKS older than this is refreshed in the background; its keys keep verifying meanwhile. */
  FLUX_GATEWAY_JWKS_MAX_AGE_S: z.coerce.number().int().min(10).max(86_400).default(600),
  /** How long one JWKS fetch may take. */
  FLUX_GATEWAY_JWKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),

  /**
   * How the gateway logs in to flux-system. Default: DATABASE_URL as the read-only `<database>_gateway` role
   * that migrations create, with its password derived from FLUX_DATA_PLANE_KEY. Set it to use a role of your own
   * (it must only be able to read; never the owner's URL).
   */
  FLUX_GATEWAY_DATABASE_URL: z
    .string()
    .url("FLUX_GATEWAY_DATABASE_URL must be a postgres:// URL naming the flux-system database")
    .optional(),

  // --- Proxying.
  /** Comma-separated rest URLs; tenants are sharded over them by tenant hash. Empty: FLUX_REST_URL alone. */
  FLUX_REST_UPSTREAMS: commaList.pipe(z.array(z.string().url("FLUX_REST_UPSTREAMS must list http:// URLs"))),
  /** Client headers forwarded to rest (comma list). Credential-style names are refused at start-up. */
  FLUX_GATEWAY_FORWARD_HEADERS: z
    .string()
    .default("accept,content-type,content-length,prefer,range,range-unit,if-none-match")
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== ""),
    )
    .superRefine((names, ctx) => {
      const refused = refusedForwardHeaders(names);
      if (refused.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `FLUX_GATEWAY_FORWARD_HEADERS names headers the gateway never forwards: ${refused.join(", ")} (credentials, hop-by-hop or set by the gateway itself); remove them`,
        });
      }
    }),
  /** 1 when a trusted reverse proxy stands in front: its X-Forwarded-For / -Proto are kept and extended. */
  FLUX_TRUST_PROXY: flag,

  // --- Operations.
  /** Extra hostnames (besides loopback names, IP literals and the bare base domain) that serve ops paths. */
  FLUX_GATEWAY_OPS_HOSTS: commaList,
  /** 0 turns /metrics off (404) and uses the no-op metrics twin. */
  FLUX_GATEWAY_METRICS: z
    .enum(["0", "1"], { message: "FLUX_GATEWAY_METRICS must be 0 or 1" })
    .default("1")
    .transform((value) => value === "1"),
  /** 1 enables the debug snapshot endpoint (still only with the internal token). */
  FLUX_GATEWAY_DEBUG: flag,
  /** Bearer token for /metrics and the debug snapshot; without it /metrics answers loopback peers only. */
  FLUX_GATEWAY_INTERNAL_TOKEN: z
    .string()
    .min(32, "FLUX_GATEWAY_INTERNAL_TOKEN must be at least 32 characters: openssl rand -hex 32")
    .optional(),
  /** With REDIS_URL: how long a request waits for any Redis answer before going on without it (fail-open). */
  FLUX_GATEWAY_REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(5).max(5_000).default(50),
  /** With REDIS_URL: consecutive Redis failures after which Redis is skipped entirely for a cooldown. */
  FLUX_GATEWAY_REDIS_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  /**
   * With REDIS_URL: the most rate-limit places one gateway takes from Redis at once (at most 1 % of the limit;
   * decision 0032). 1 counts every request in Redis; larger saves round trips for high limits.
   */
  FLUX_GATEWAY_RATE_LIMIT_LEASE_MAX: z.coerce.number().int().min(1).max(1_000).default(100),
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

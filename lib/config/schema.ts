import { isIP } from "node:net";
import { z } from "zod";

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const secret = (name: string) =>
  z.string().min(32, `${name} must be at least 32 characters; generate one with: openssl rand -hex 32`);

/** Every setting a Flux process reads, parsed once at start-up. */
export const FluxEnv = z
  .object({
    DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL naming the flux-system database"),
    FLUX_TENANT_DATABASE_URL: z.string().url().optional(),
    REDIS_URL: z.string().url().optional(),
    FLUX_MASTER_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, "FLUX_MASTER_KEY must be 64 hex characters (32 bytes): openssl rand -hex 32"),
    FLUX_DATA_PLANE_KEY: secret("FLUX_DATA_PLANE_KEY"),
    FLUX_BRIDGE_SECRET: secret("FLUX_BRIDGE_SECRET"),
    NEXTAUTH_SECRET: secret("NEXTAUTH_SECRET"),
    FLUX_BASE_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/, "FLUX_BASE_DOMAIN must be a bare hostname such as localhost or flux.example.com")
      .default("localhost"),
    FLUX_PUBLIC_SCHEME: z.enum(["http", "https"]).default("http"),
    /** Public URL of the dashboard's troubleshooting guide; error answers link to its anchors. Default: the local dashboard's. */
    FLUX_GUIDE_URL: z
      .string()
      .url("FLUX_GUIDE_URL must be an http(s) URL such as https://flux.example.com/troubleshooting")
      .optional(),
    FLUX_WEB_PORT: port(3000),
    FLUX_GATEWAY_PORT: port(8080),
    FLUX_REST_PORT: port(3100),
    FLUX_REST_URL: z.string().url().optional(),
    FLUX_REST_MAX_ROWS: z.coerce.number().int().positive().default(1000),
    FLUX_REST_MAX_CONNECTIONS: z.coerce.number().int().positive().default(60),
    /** Where rest's tenant pools connect (e.g. PgBouncer in transaction mode); the LISTEN connection stays direct. */
    FLUX_REST_POOL_URL: z
      .string()
      .url("FLUX_REST_POOL_URL must be a postgres:// URL (host, port, database; the login is replaced per tenant role)")
      .optional(),
    /** Added to the plan's statement timeout to give each request's wall-clock deadline (rest cancels past it). */
    FLUX_REST_DEADLINE_MARGIN_MS: z.coerce.number().int().nonnegative().default(1_000),
    FLUX_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    FLUX_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** DNS servers asked for custom-domain TXT records (`ip`, `ip:port`, `[ipv6]:port`, comma-separated); unset: the system's. */
    FLUX_DNS_SERVERS: z
      .string()
      .refine(
        (value) => value.split(",").every((entry) => isDnsServer(entry.trim())),
        "FLUX_DNS_SERVERS must be a comma list of IP[:port], e.g. 1.1.1.1,127.0.0.1:5353",
      )
      .optional(),
    /**
     * 1 lets a project trust a JWKS served over plain http from a loopback host (localhost, 127.0.0.0/8, ::1) —
     * for development and tests only; every other JWKS URL must be https.
     */
    FLUX_JWKS_ALLOW_LOOPBACK_HTTP: z
      .enum(["0", "1"], { message: "FLUX_JWKS_ALLOW_LOOPBACK_HTTP must be 0 or 1" })
      .default("0")
      .transform((value) => value === "1"),
    FLUX_DNS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
    /** Dashboard session lifetime in seconds (default 8 hours). */
    FLUX_SESSION_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(300, "FLUX_SESSION_MAX_AGE_SECONDS must be at least 300 (5 minutes)")
      .max(2_592_000, "FLUX_SESSION_MAX_AGE_SECONDS must be at most 2592000 (30 days)")
      .default(28_800),
    /** Optional sign-in providers: each is switched on when its variables are set (docs/configuration.md). */
    FLUX_GITHUB_CLIENT_ID: z.string().min(1).optional(),
    FLUX_GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    FLUX_OIDC_ISSUER: z
      .string()
      .url("FLUX_OIDC_ISSUER must be the issuer URL, e.g. https://accounts.example.com")
      .optional(),
    FLUX_OIDC_CLIENT_ID: z.string().min(1).optional(),
    FLUX_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    FLUX_OIDC_NAME: z.string().min(1).default("Single sign-on"),
    /** Directory the backup artifact store writes to; default `<FLUX_HOME>/artifacts` (docs/configuration.md). */
    FLUX_ARTIFACT_DIR: z
      .string()
      .min(1)
      .refine(
        (value) => value.startsWith("/"),
        "FLUX_ARTIFACT_DIR must be an absolute path, e.g. /var/lib/flux/artifacts",
      )
      .optional(),
    /** How many projects one account may own (platform admins are not limited); see docs/security.md. */
    FLUX_MAX_PROJECTS_PER_USER: z.coerce
      .number()
      .int("FLUX_MAX_PROJECTS_PER_USER must be a whole number, e.g. 10")
      .min(1, "FLUX_MAX_PROJECTS_PER_USER must be at least 1")
      .max(100_000, "FLUX_MAX_PROJECTS_PER_USER must be at most 100000")
      .default(10),
    /** Directory holding pg_dump, pg_restore and psql; unset: found on PATH. */
    FLUX_PG_BIN_DIR: z.string().min(1).optional(),
  })
  .superRefine((env, issue) => {
    const groups = [
      ["FLUX_GITHUB_CLIENT_ID", "FLUX_GITHUB_CLIENT_SECRET"],
      ["FLUX_OIDC_ISSUER", "FLUX_OIDC_CLIENT_ID", "FLUX_OIDC_CLIENT_SECRET"],
    ] as const;
    for (const group of groups) {
      const set = group.filter((name) => env[name] !== undefined);
      if (set.length === 0 || set.length === group.length) continue;
      for (const name of group.filter((n) => env[n] === undefined)) {
        issue.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is required when ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} set (set all of ${group.join(", ")}, or none)`,
        });
      }
    }
  });
export type FluxEnv = z.infer<typeof FluxEnv>;

function isDnsServer(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  if (bracketed) return isIP(bracketed[1] ?? "") === 6 && validPort(bracketed[2]);
  if (isIP(entry) !== 0) return true;
  const [host = "", port, ...rest] = entry.split(":");
  return rest.length === 0 && isIP(host) === 4 && validPort(port);
}

const validPort = (port: string | undefined): boolean =>
  port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);

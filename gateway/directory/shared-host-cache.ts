import { z } from "zod";
import { hostnameKey } from "@/lib/cache/keys";
import { isTenantId } from "@/lib/tenancy";
import type { RedisGuard } from "../redis/guard";
import type { ProjectRow } from "./find-project-row";

/** A cache shared by every gateway instance, between the in-process LRU and flux-system. */
export interface SharedHostCache {
  /** undefined: not cached (or unreachable); `{ row: null }`: cached "no project here". */
  get(hostname: string): Promise<{ row: ProjectRow | null } | undefined>;
  /** Fire-and-forget. */
  set(hostname: string, row: ProjectRow | null): void;
}

// 2: rows carry trustedIssuers; a format-1 entry (without them) counts as a miss.
const FORMAT = 2;
// The fields the request path relies on are checked; later row fields pass through untouched.
const CachedRow = z
  .object({
    tenantId: z.string().refine(isTenantId),
    slug: z.string(),
    hash: z.string(),
    plan: z.enum(["free", "pro", "enterprise"]),
    status: z.enum(["provisioning", "active", "suspended", "failed"]),
    jwtSecretEncrypted: z.string(),
    allowedRoles: z.array(z.string()),
    rateLimitPerMinute: z.number().int().nullable(),
    trustedIssuers: z.array(z.object({ issuer: z.string(), jwksUrl: z.string(), audience: z.string().nullable() })),
  })
  .passthrough();
const CachedEntry = z.object({ v: z.literal(FORMAT), row: CachedRow.nullable() });

/**
 * `hostname:{host}` → the project row as flux-system has it, JWT secret still sealed (decrypted only in the
 * gateway's memory), with a TTL as a backstop to explicit eviction (lib/cache/evict-hostnames.ts). Unreadable or
 * old-format entries count as misses.
 */
export function createRedisHostCache(guard: RedisGuard, options: { ttlSeconds: number }): SharedHostCache {
  return {
    async get(hostname) {
      const read = await guard.run("directory", (redis) => redis.get(hostnameKey(hostname)));
      if (!read.ok || read.value === null) return undefined;
      try {
        const entry = CachedEntry.safeParse(JSON.parse(read.value));
        return entry.success ? { row: entry.data.row as ProjectRow | null } : undefined;
      } catch {
        return undefined;
      }
    },
    set(hostname, row) {
      const value = JSON.stringify({ v: FORMAT, row });
      void guard.run("directory", (redis) => redis.set(hostnameKey(hostname), value, "EX", options.ttlSeconds));
    },
  };
}

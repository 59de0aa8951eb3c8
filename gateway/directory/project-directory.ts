import type { Database } from "@/lib/db";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { parseServiceHost, roleNameOf, schemaNameOf } from "@/lib/tenancy";
import { findProjectBySlugAndHash, findProjectByVerifiedDomain, type ProjectRow } from "./find-project-row";
import { TtlLruCache } from "./lru-cache";
import type { SharedHostCache } from "./shared-host-cache";
import type { ProjectDirectory, ResolvedProject } from "./types";

/**
 * Resolves a normalised hostname against flux-system: Service URL hosts by (slug, hash), anything else as a
 * verified custom domain. Results — including "nothing here" — are cached briefly in-process, then (when given)
 * in the shared Redis cache, and concurrent misses for one host share a single lookup, so a flood of requests
 * to one host costs one round trip.
 */
export function createProjectDirectory(options: {
  db: Database;
  masterKey: string;
  baseDomain: string;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
  /** Told about every lookup, hit or miss, for the cache hit ratio metric. */
  onCacheLookup?: (hit: boolean) => void;
  shared?: SharedHostCache;
}): ProjectDirectory {
  // Read on every request: the LRU order is kept to the second instead of re-inserting on each read.
  const HOT_REORDER_MS = 1_000;
  const hosts = new TtlLruCache<ResolvedProject | null>({
    maxEntries: options.maxEntries ?? 1_000,
    ttlMs: options.ttlMs ?? 5_000,
    now: options.now,
    reorderAfterMs: HOT_REORDER_MS,
  });
  // Keyed by tenant and invalidated by a changed ciphertext, so a rotated secret takes effect with the host TTL.
  const keys = new TtlLruCache<{ sealed: string; key: CryptoKey }>({
    maxEntries: options.maxEntries ?? 1_000,
    ttlMs: Number.POSITIVE_INFINITY,
  });
  const inFlight = new Map<string, Promise<ResolvedProject | null>>();
  // Bumped by every eviction: a lookup that started before one may carry the old row, so it is not cached.
  let generation = 0;

  async function importProjectKey(tenantId: string, slot: "current" | "previous", sealed: string): Promise<CryptoKey> {
    const cacheKey = `${tenantId}:${slot}`;
    const cached = keys.get(cacheKey)?.value;
    if (cached && cached.sealed === sealed) return cached.key;
    const secret = decryptSecret(sealed, options.masterKey, jwtSecretContext(tenantId));
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    keys.set(cacheKey, { sealed, key });
    return key;
  }

  async function findRow(hostname: string): Promise<ProjectRow | null> {
    const startedAt = generation;
    const service = parseServiceHost(hostname, options.baseDomain);
    const cached = await options.shared?.get(hostname);
    // A shared entry is used only if it names this very slug and hash: Redis is a cache, never the authority.
    if (cached && (!service || !cached.row || (cached.row.slug === service.slug && cached.row.hash === service.hash))) {
      return cached.row;
    }
    const row = service
      ? await findProjectBySlugAndHash(options.db, service.slug, service.hash)
      : await findProjectByVerifiedDomain(options.db, hostname);
    // Evicted while flux-system was being read: the row may predate the change, so do not share it.
    if (startedAt === generation) options.shared?.set(hostname, row);
    return row;
  }

  async function load(hostname: string): Promise<ResolvedProject | null> {
    const row = await findRow(hostname);
    if (!row) return null;
    const { jwtSecretEncrypted: _sealed, previousJwtSecretEncrypted: previousSealed, ...project } = row;
    return {
      ...project,
      jwtKey: await importProjectKey(row.tenantId, "current", row.jwtSecretEncrypted),
      previousJwtKey: previousSealed ? await importProjectKey(row.tenantId, "previous", previousSealed) : null,
      schema: schemaNameOf(row.tenantId),
      apiRole: roleNameOf(row.tenantId),
    };
  }

  return {
    async resolve(hostname) {
      const cached = hosts.get(hostname);
      options.onCacheLookup?.(cached !== undefined);
      if (cached) return cached.value;
      const pending = inFlight.get(hostname);
      if (pending) return pending;
      const startedAt = generation;
      const lookup = load(hostname)
        .then((project) => {
          if (startedAt === generation) hosts.set(hostname, project);
          return project;
        })
        .finally(() => {
          if (inFlight.get(hostname) === lookup) inFlight.delete(hostname);
        });
      inFlight.set(hostname, lookup);
      return lookup;
    },
    evict(hostname) {
      generation += 1;
      hosts.delete(hostname);
      inFlight.delete(hostname);
    },
    clear() {
      generation += 1;
      hosts.clear();
      inFlight.clear();
    },
  };
}

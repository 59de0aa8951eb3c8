import { createHash } from "node:crypto";

/**
 * A stable signed 64-bit key for `pg_advisory_xact_lock`, derived from the tenant_id. It is a hash of
 * the full (never public) tenant_id rather than of the shortid that appears in schema names, so another
 * tenant cannot cheaply compute it to hold this tenant's lock. Returned as a decimal string because
 * JavaScript numbers cannot carry 64 bits; bind it as a parameter and cast to bigint.
 */
export function advisoryLockKey(tenantId: string): string {
  const digest = createHash("sha256").update(`flux-tenant-lock:${tenantId}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/** Serialises provisioning across tenants: they share `flux_meta` and `auth`, created on first use. */
export const SHARED_OBJECTS_LOCK_KEY = advisoryLockKey("flux-shared-objects");

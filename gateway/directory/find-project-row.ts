import { and, eq, isNotNull } from "drizzle-orm";
import { domains, projects } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** The columns of a project the request path needs; nothing else leaves flux-system. */
export type ProjectRow = {
  tenantId: string;
  slug: string;
  hash: string;
  plan: "free" | "pro" | "enterprise";
  status: "provisioning" | "active" | "suspended" | "failed";
  jwtSecretEncrypted: string;
  allowedRoles: string[];
  rateLimitPerMinute: number | null;
  /** The secret replaced by the last rotation; accepted until previousJwtSecretExpiresAt (the grace period). */
  previousJwtSecretEncrypted: string | null;
  previousJwtSecretExpiresAt: Date | null;
  /** A request without a token is served as `anon` instead of refused with 401. */
  anonymousAccess: boolean;
  /** Browser origins allowed by CORS; empty means any origin. */
  corsOrigins: string[];
};

const columns = {
  tenantId: projects.tenantId,
  slug: projects.slug,
  hash: projects.hash,
  plan: projects.plan,
  status: projects.status,
  jwtSecretEncrypted: projects.jwtSecretEncrypted,
  allowedRoles: projects.allowedRoles,
  rateLimitPerMinute: projects.rateLimitPerMinute,
  previousJwtSecretEncrypted: projects.previousJwtSecretEncrypted,
  previousJwtSecretExpiresAt: projects.previousJwtSecretExpiresAt,
  anonymousAccess: projects.anonymousAccess,
  corsOrigins: projects.corsOrigins,
};

/**
 * Service URL → project. Both slug AND hash must match the row: after a rename, the old slug with this hash
 * resolves to nothing, and a slug with another project's hash never reaches either project. Read-only.
 */
export async function findProjectBySlugAndHash(db: Database, slug: string, hash: string): Promise<ProjectRow | null> {
  const rows = await db
    .select(columns)
    .from(projects)
    .where(and(eq(projects.slug, slug), eq(projects.hash, hash)))
    .limit(1);
  return rows[0] ?? null;
}

/** Custom hostname → project, only once the domain's ownership was verified. Read-only. */
export async function findProjectByVerifiedDomain(db: Database, hostname: string): Promise<ProjectRow | null> {
  const rows = await db
    .select(columns)
    .from(domains)
    .innerJoin(projects, eq(projects.tenantId, domains.tenantId))
    .where(and(eq(domains.hostname, hostname), isNotNull(domains.verifiedAt)))
    .limit(1);
  return rows[0] ?? null;
}

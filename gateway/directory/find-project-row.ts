import { and, eq, isNotNull, sql } from "drizzle-orm";
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
  /** Third-party issuers whose RS256 / ES256 tokens verify against their JWKS (gateway/jwks/); usually none. */
  trustedIssuers: TrustedIssuer[];
};

export type TrustedIssuer = { issuer: string; jwksUrl: string; audience: string | null };

/**
 * One round trip: the project's issuers ride along as a JSON array (an empty one for almost every project).
 * The outer column is spelled out in full: drizzle renders `${projects.tenantId}` unqualified in a one-table
 * select, which inside this subquery would mean `pi.tenant_id` — every project's issuers (an attack test
 * in gateway/jwks/trusted-issuers.int.test.ts guards this).
 */
const trustedIssuers = sql<TrustedIssuer[]>`coalesce((
  select json_agg(json_build_object('issuer', pi.issuer, 'jwksUrl', pi.jwks_url, 'audience', pi.audience) order by pi.issuer)
  from project_issuers pi where pi.tenant_id = "projects"."tenant_id"), '[]'::json)`;

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
  trustedIssuers,
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

import { randomBytes, randomUUID } from "node:crypto";
import { domains, projectIssuers, projects, users } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { encryptSecret, generateJwtSecret, jwtSecretContext } from "@/lib/secrets";
import { newProjectHash, serviceHostname } from "@/lib/tenancy";

export type SeededProject = { tenantId: string; slug: string; hash: string; secret: string; host: string };

/**
 * Inserts a project row straight into flux-system (the gateway only reads it): its own owner, slug and hash,
 * so tests never share mutable rows. No tenant schema is created — the upstream in these tests is a fake.
 */
export async function seedProject(
  db: Database,
  options: {
    plan?: "free" | "pro" | "enterprise";
    status?: "provisioning" | "active" | "suspended" | "failed";
    rateLimitPerMinute?: number | null;
    baseDomain?: string;
    /** Reuse a tenant already provisioned by an engine (end-to-end tests through the real rest). */
    tenantId?: string;
    /** A rotation's previous secret and the end of its grace period. */
    previous?: { secret: string; expiresAt: Date };
    anonymousAccess?: boolean;
    corsOrigins?: string[];
    allowedRoles?: string[];
  } = {},
): Promise<SeededProject> {
  const tenantId = options.tenantId ?? randomUUID();
  const secret = generateJwtSecret();
  const slug = `gw-${randomBytes(4).toString("hex")}`;
  const hash = newProjectHash();
  const [owner] = await db
    .insert(users)
    .values({ email: `${slug}@gateway.test` })
    .returning({ id: users.id });
  if (!owner) throw new Error("seeding the owner row returned nothing");
  await db.insert(projects).values({
    tenantId,
    slug,
    hash,
    name: slug,
    mode: "v2_shared",
    plan: options.plan ?? "free",
    status: options.status ?? "active",
    clusterId: "local",
    ownerId: owner.id,
    jwtSecretEncrypted: encryptSecret(secret, masterKey(), jwtSecretContext(tenantId)),
    rateLimitPerMinute: options.rateLimitPerMinute ?? null,
    previousJwtSecretEncrypted: options.previous
      ? encryptSecret(options.previous.secret, masterKey(), jwtSecretContext(tenantId))
      : null,
    previousJwtSecretExpiresAt: options.previous?.expiresAt ?? null,
    anonymousAccess: options.anonymousAccess ?? false,
    corsOrigins: options.corsOrigins ?? [],
    ...(options.allowedRoles ? { allowedRoles: options.allowedRoles } : {}),
  });
  return { tenantId, slug, hash, secret, host: serviceHostname({ slug, hash }, options.baseDomain ?? "localhost") };
}

export async function seedDomain(db: Database, tenantId: string, hostname: string, verified: boolean): Promise<void> {
  await db.insert(domains).values({
    hostname,
    tenantId,
    verificationToken: randomBytes(8).toString("hex"),
    verifiedAt: verified ? new Date() : null,
  });
}

function masterKey(): string {
  const key = process.env.FLUX_MASTER_KEY;
  if (!key) throw new Error("FLUX_MASTER_KEY is not set; run integration tests through vitest's integration project");
  return key;
}

/** Makes the project trust a third-party issuer, as `flux issuers add` would (without the audit row). */
export async function seedIssuer(
  db: Database,
  tenantId: string,
  issuer: { issuer: string; jwksUrl: string; audience?: string | null },
): Promise<void> {
  await db
    .insert(projectIssuers)
    .values({ tenantId, issuer: issuer.issuer, jwksUrl: issuer.jwksUrl, audience: issuer.audience ?? null });
}

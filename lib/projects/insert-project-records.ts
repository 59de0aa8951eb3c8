import { projectJwtKeys, projectMembers, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/api/pg-error";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor, Ctx } from "@/lib/context";
import { keyFingerprint, newKeyId } from "@/lib/project-keys/key-fingerprint";
import { encryptSecret, generateJwtSecret, jwtSecretContext } from "@/lib/secrets";
import { newProjectHash, newTenantId } from "@/lib/tenancy";
import { pickLeastLoadedCluster } from "./pick-cluster";
import { requireProjectQuota } from "./require-project-quota";
import type { ProjectRow } from "./types";

type NewProject = { slug: string; plan: ProjectRow["plan"]; mode: ProjectRow["mode"]; name: string };

/** 7 hex characters give 268M hashes; a handful of retries makes a collision practically impossible. */
const HASH_ATTEMPTS = 5;

/**
 * The project row (status "provisioning"), its owner membership and the audit row, in one transaction.
 * The JWT secret is generated here and stored only encrypted, bound to the tenant id.
 */
export async function insertProjectRecords(
  ctx: Ctx,
  actor: Actor,
  input: NewProject,
): Promise<{ project: ProjectRow; clusterDatabaseUrl: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await insertOnce(ctx, actor, input, newProjectHash());
    } catch (err) {
      if (isUniqueViolation(err, "projects_slug_unique")) {
        throw new FluxError("conflict", `Slug '${input.slug}' is taken; choose another slug.`);
      }
      if (isUniqueViolation(err, "projects_hash_unique") && attempt < HASH_ATTEMPTS) continue;
      throw err;
    }
  }
}

async function insertOnce(ctx: Ctx, actor: Actor, input: NewProject, hash: string) {
  const tenantId = newTenantId();
  const jwtSecret = generateJwtSecret();
  const jwtSecretEncrypted = encryptSecret(jwtSecret, ctx.config.FLUX_MASTER_KEY, jwtSecretContext(tenantId));
  return ctx.db.transaction(async (tx) => {
    await requireProjectQuota(tx, actor, ctx.config.FLUX_MAX_PROJECTS_PER_USER);
    const cluster = await pickLeastLoadedCluster(tx);
    const [project] = await tx
      .insert(projects)
      .values({
        tenantId,
        slug: input.slug,
        hash,
        name: input.name,
        mode: input.mode,
        plan: input.plan,
        status: "provisioning",
        clusterId: cluster.id,
        ownerId: actor.userId,
        jwtSecretEncrypted,
      })
      .returning();
    if (!project) throw new Error("insert into projects returned no row");
    await tx.insert(projectMembers).values({ tenantId, userId: actor.userId, role: "owner" });
    await tx
      .insert(projectJwtKeys)
      .values({ id: newKeyId(), tenantId, fingerprint: keyFingerprint(jwtSecret), activatedAt: project.createdAt });
    await writeAudit(tx, {
      actorUserId: actor.userId,
      action: "project.create",
      targetType: "project",
      targetId: tenantId,
      tenantId,
      details: { slug: input.slug, hash, plan: input.plan, mode: input.mode, clusterId: cluster.id },
      requestId: ctx.requestId,
    });
    return { project, clusterDatabaseUrl: cluster.databaseUrl };
  });
}

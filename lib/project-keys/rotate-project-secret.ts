import { eq } from "drizzle-orm";
import { projectJwtKeys, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { generateJwtSecret } from "@/lib/secrets";
import { ensureCurrentKeyRow } from "./ensure-current-key-row";
import { parseGrace } from "./grace";
import { RotateSecretInput } from "./inputs";
import { keyFingerprint, newKeyId } from "./key-fingerprint";
import { toKeyResponse, type KeyResponse } from "./key-state";
import { graceRunning, lockProjectRow } from "./lock-project-row";
import { sealProjectSecret } from "./project-secret";

export type RotationResult = { slug: string; current: KeyResponse; previous: KeyResponse; graceEndsAt: string };

/**
 * Replaces the project's JWT secret. The old one stays accepted by the gateway until the grace ends, so nobody
 * is signed out early. A second rotation during a running grace is refused: the gateway holds one previous
 * secret, and rotating again would drop the older one before its grace ended (end the grace first).
 */
export async function rotateProjectSecret({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: RotateSecretInput;
}): Promise<RotationResult> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "rotate the JWT secret");
  const graceSeconds = parseGrace(parseInput(RotateSecretInput, input).grace);
  const newSecret = generateJwtSecret();

  const result = await ctx.db.transaction(async (tx) => {
    const project = await lockProjectRow(tx, access.project.tenantId);
    const now = new Date();
    if (graceRunning(project, now)) {
      throw new FluxError(
        "conflict",
        `A previous secret of '${project.slug}' is accepted until ${project.previousJwtSecretExpiresAt?.toISOString()}; end that grace first (\`flux secrets end-grace --project ${project.slug}\`) or wait for it to end.`,
      );
    }
    const graceEndsAt = new Date(now.getTime() + graceSeconds * 1000);
    const retiring = await ensureCurrentKeyRow(tx, ctx.config, project);
    const [previous] = await tx
      .update(projectJwtKeys)
      .set({ retiredAt: now, acceptedUntil: graceEndsAt })
      .where(eq(projectJwtKeys.id, retiring.id))
      .returning();
    const [current] = await tx
      .insert(projectJwtKeys)
      .values({ id: newKeyId(), tenantId: project.tenantId, fingerprint: keyFingerprint(newSecret), activatedAt: now })
      .returning();
    if (!previous || !current) throw new Error("updating project_jwt_keys returned no row");
    await tx
      .update(projects)
      .set({
        jwtSecretEncrypted: sealProjectSecret(ctx.config, project.tenantId, newSecret),
        previousJwtSecretEncrypted: graceSeconds > 0 ? project.jwtSecretEncrypted : null,
        previousJwtSecretExpiresAt: graceSeconds > 0 ? graceEndsAt : null,
        updatedAt: now,
      })
      .where(eq(projects.tenantId, project.tenantId));
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.jwt_key.rotate",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: {
        slug: project.slug,
        before: { currentKey: retiring.id },
        after: {
          currentKey: current.id,
          previousKey: previous.id,
          graceEndsAt: graceEndsAt.toISOString(),
          graceSeconds,
        },
      },
      requestId: ctx.requestId,
    });
    return {
      slug: project.slug,
      current: toKeyResponse(current, now),
      previous: toKeyResponse(previous, now),
      graceEndsAt: graceEndsAt.toISOString(),
    };
  });
  // Gateways cache the project row (with its keys); without this the new secret would wait for the cache TTL.
  await evictProjectHosts(ctx, access.project);
  return result;
}

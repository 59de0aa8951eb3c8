import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { busyAsConflict } from "./busy-as-conflict";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { ChangePlanInput } from "./inputs";
import { requirePlanAllowed } from "./plan-policy";
import { requireActor } from "./require-actor";
import { requireMemberRole } from "./require-member-role";
import type { ProjectRow } from "./types";

/**
 * Moves a project to another plan: a platform admin any way, the owner only to a lower plan (plan-policy.ts). The engine of its (unchanged) mode re-applies the roles' guardrails first
 * — statement_timeout and CONNECTION LIMIT, idempotent — then the row and its audit row commit together; the
 * gateway's rate limit follows the row once its cache is evicted. If the commit fails the old guardrails are
 * put back, so role and row never disagree for long.
 */
export async function changeProjectPlan({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: ChangePlanInput;
}): Promise<ProjectRow> {
  const actor = requireActor(ctx);
  const access = await getProjectForActorOrThrow(ctx, slug);
  // A platform admin may change any project's plan; otherwise the owner, and only downwards (plan-policy.ts).
  const byPlatformAdmin = access.memberRole !== "owner" && actor.platformRole === "admin";
  if (!byPlatformAdmin) requireMemberRole(access, ["owner"], "change the plan");
  const { plan } = parseInput(ChangePlanInput, input);
  const before = access.project;
  if (plan === before.plan) return before;
  requirePlanAllowed(actor, before.slug, before.plan, plan);
  if (before.status !== "active" && before.status !== "suspended") {
    throw new FluxError(
      "conflict",
      `Project '${before.slug}' is ${before.status}; its plan can change once it is active.`,
    );
  }
  const engine = engineOf(ctx, before.mode);
  await busyAsConflict(before.slug, () =>
    engine.applyPlan(engineProjectOf({ ...before, plan }, access.clusterDatabaseUrl)),
  );

  try {
    const changed = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(projects)
        .set({ plan, updatedAt: new Date() })
        .where(eq(projects.tenantId, before.tenantId))
        .returning();
      if (!row) throw new Error(`project ${before.tenantId} vanished during a plan change`);
      await writeAudit(tx, {
        actorUserId: actor.userId,
        action: "project.plan.change",
        targetType: "project",
        targetId: before.tenantId,
        tenantId: before.tenantId,
        details: { slug: before.slug, before: { plan: before.plan }, after: { plan }, byPlatformAdmin },
        requestId: ctx.requestId,
      });
      return row;
    });
    await evictProjectHosts(ctx, changed);
    return changed;
  } catch (err) {
    await engine.applyPlan(engineProjectOf(before, access.clusterDatabaseUrl)).catch(() => undefined);
    throw err;
  }
}

import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { ProjectLimitsInput } from "./inputs";
import { PLAN_RATE_LIMITS_PER_MINUTE } from "./plan-rate-limits";
import { requireMemberRole } from "./require-member-role";

export type ProjectLimits = {
  slug: string;
  /** The project's own limit; null when the plan's default applies. */
  requestsPerMinute: number | null;
  /** What the gateway enforces (before the operator's FLUX_RATE_LIMIT_MULTIPLIER). */
  effectiveRequestsPerMinute: number;
};

/**
 * Sets (or, with null, resets) a project's per-minute request budget. Owner only: it trades the project's
 * protection from abuse against its availability. The change and its audit row commit together; then every
 * gateway is told to drop its cached row, so the new limit applies within seconds.
 */
export async function setProjectRateLimit({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: ProjectLimitsInput;
}): Promise<ProjectLimits> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "change rate limits");
  const { requestsPerMinute } = parseInput(ProjectLimitsInput, input);
  const { project } = access;

  await ctx.db.transaction(async (tx) => {
    await tx
      .update(projects)
      .set({ rateLimitPerMinute: requestsPerMinute, updatedAt: new Date() })
      .where(eq(projects.tenantId, project.tenantId));
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.limits.update",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: { slug: project.slug, requestsPerMinute: { from: project.rateLimitPerMinute, to: requestsPerMinute } },
      requestId: ctx.requestId,
    });
  });
  await evictProjectHosts(ctx, project);

  return {
    slug: project.slug,
    requestsPerMinute,
    effectiveRequestsPerMinute: requestsPerMinute ?? PLAN_RATE_LIMITS_PER_MINUTE[project.plan],
  };
}

import { advisorDismissals } from "@/drizzle/schema";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { DismissAdvisorInput } from "./inputs";

/** Dismisses one finding by its stable key (owners and developers); idempotent; audited in the same transaction. */
export async function dismissAdvisorFinding({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: unknown;
}): Promise<{ key: string; dismissed: true }> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "dismiss advisor findings");
  const { key } = parseInput(DismissAdvisorInput, input);
  const tenantId = access.project.tenantId;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(advisorDismissals)
      .values({ tenantId, key, dismissedBy: ctx.actor?.userId ?? null })
      .onConflictDoNothing();
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.advisor.dismiss",
      targetType: "project",
      targetId: tenantId,
      tenantId,
      details: { slug: access.project.slug, key },
      requestId: ctx.requestId,
    });
  });
  return { key, dismissed: true };
}

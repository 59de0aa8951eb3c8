import { and, eq } from "drizzle-orm";
import { projectMembers } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { findUserByEmailOrThrow } from "./find-user-by-email";
import { RemoveMemberInput } from "./inputs";
import { refuseRemovingLastOwner } from "./lock-owners";

/** Removes a member (owner only); the last owner stays, so a project is never orphaned. */
export async function removeMember({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: RemoveMemberInput;
}): Promise<{ email: string; removed: true }> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "remove members");
  const { email } = parseInput(RemoveMemberInput, input);
  const { project } = access;
  const user = await findUserByEmailOrThrow(ctx.db, email);

  await ctx.db.transaction(async (tx) => {
    await refuseRemovingLastOwner(tx, project.tenantId, project.slug, user.id);
    const [removed] = await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.tenantId, project.tenantId), eq(projectMembers.userId, user.id)))
      .returning({ role: projectMembers.role });
    if (!removed)
      throw new FluxError(
        "not_found",
        `${email} is not a member of '${project.slug}'; see flux members list --project ${project.slug}.`,
      );
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.member.remove",
      targetType: "user",
      targetId: user.id,
      tenantId: project.tenantId,
      details: { slug: project.slug, email, role: { from: removed.role, to: null } },
      requestId: ctx.requestId,
    });
  });
  return { email, removed: true };
}

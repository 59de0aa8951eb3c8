import { and, eq } from "drizzle-orm";
import { projectMembers } from "@/drizzle/schema";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole } from "@/lib/projects/require-member-role";
import { findUserByEmailOrThrow } from "./find-user-by-email";
import { AddMemberInput, type MemberResponse } from "./inputs";
import { refuseRemovingLastOwner } from "./lock-owners";

/**
 * Adds an existing user to a project with a role (owner only). Adding someone who is already a member
 * changes their role, except that the last owner cannot be demoted. Change and audit row commit together.
 */
export async function addMember({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: AddMemberInput;
}): Promise<MemberResponse> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "add members");
  const parsed = parseInput(AddMemberInput, input);
  const { project } = access;
  const user = await findUserByEmailOrThrow(ctx.db, parsed.email);

  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ role: projectMembers.role, createdAt: projectMembers.createdAt })
      .from(projectMembers)
      .where(and(eq(projectMembers.tenantId, project.tenantId), eq(projectMembers.userId, user.id)))
      .for("update");
    if (existing?.role === "owner" && parsed.role !== "owner") {
      await refuseRemovingLastOwner(tx, project.tenantId, project.slug, user.id);
    }
    const [row] = await tx
      .insert(projectMembers)
      .values({ tenantId: project.tenantId, userId: user.id, role: parsed.role })
      .onConflictDoUpdate({
        target: [projectMembers.tenantId, projectMembers.userId],
        set: { role: parsed.role, updatedAt: new Date() },
      })
      .returning({ createdAt: projectMembers.createdAt });
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: existing ? "project.member.update" : "project.member.add",
      targetType: "user",
      targetId: user.id,
      tenantId: project.tenantId,
      details: { slug: project.slug, email: user.email, role: { from: existing?.role ?? null, to: parsed.role } },
      requestId: ctx.requestId,
    });
    return {
      email: user.email,
      name: user.name,
      role: parsed.role,
      addedAt: (row?.createdAt ?? new Date()).toISOString(),
    };
  });
}

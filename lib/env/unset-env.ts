import { and, eq } from "drizzle-orm";
import { projectEnv } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { EnvKey } from "./inputs";
import { auditView } from "./set-env";
import { toEnvResponse } from "./to-env-response";

/** Removes one variable (owner or developer). */
export async function unsetEnv({
  ctx,
  slug,
  key,
}: {
  ctx: Ctx;
  slug: string;
  key: string;
}): Promise<{ key: string; removed: true }> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "remove environment variables");
  const parsedKey = parseInput(EnvKey, key);
  const { tenantId, slug: projectSlug } = access.project;
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(projectEnv)
      .where(and(eq(projectEnv.tenantId, tenantId), eq(projectEnv.key, parsedKey)))
      .returning();
    if (!removed)
      throw new FluxError(
        "not_found",
        `No variable ${parsedKey} in '${projectSlug}'; see flux env list --project ${projectSlug}.`,
      );
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.env.delete",
      targetType: "env",
      targetId: parsedKey,
      tenantId,
      details: { slug: projectSlug, key: parsedKey, before: auditView(toEnvResponse(removed)), after: null },
      requestId: ctx.requestId,
    });
  });
  return { key: parsedKey, removed: true };
}

import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { isUniqueViolation } from "@/lib/api/pg-error";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts, projectHostnames } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { RenameProjectInput } from "./inputs";
import { requireMemberRole } from "./require-member-role";
import type { ProjectRow } from "./types";

/**
 * Changes the slug only: tenant id, hash, schema and roles stay, so data and tokens are untouched. The Service
 * URL changes with the slug; the gateway routes on slug AND hash, so the old URL answers 404 FLUX-GW-404 from
 * the next request on (docs/decisions/0015) — there is no redirect, since a client must be told to update.
 */
export async function renameProject({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: RenameProjectInput;
}): Promise<ProjectRow> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, ["owner"], "rename the project");
  const { slug: newSlug } = parseInput(RenameProjectInput, input);
  const before = access.project;
  if (newSlug === before.slug) return before;
  const oldHosts = await projectHostnames(ctx, before);

  const renamed = await ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(projects)
        .set({ slug: newSlug, updatedAt: new Date() })
        .where(eq(projects.tenantId, before.tenantId))
        .returning();
      if (!row) throw new Error(`project ${before.tenantId} vanished during a rename`);
      await writeAudit(tx, {
        actorUserId: ctx.actor?.userId ?? null,
        action: "project.rename",
        targetType: "project",
        targetId: before.tenantId,
        tenantId: before.tenantId,
        details: { before: { slug: before.slug }, after: { slug: newSlug } },
        requestId: ctx.requestId,
      });
      return row;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, "projects_slug_unique"))
        throw new FluxError("conflict", `Slug '${newSlug}' is taken; choose another slug.`);
      throw err;
    });
  // The old hosts must stop resolving at once, not after a gateway's cache TTL.
  await evictProjectHosts(ctx, renamed, oldHosts);
  return renamed;
}

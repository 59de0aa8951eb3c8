import { desc, eq } from "drizzle-orm";
import { projectJwtKeys } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { ensureCurrentKeyRow } from "./ensure-current-key-row";
import { toKeyResponse, type KeyResponse } from "./key-state";

/** Every key the project has had, newest first, with state and dates; any member or staff may read it (no secrets). */
export async function listProjectKeys({
  ctx,
  slug,
}: {
  ctx: Ctx;
  slug: string;
}): Promise<{ slug: string; data: KeyResponse[] }> {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  await ensureCurrentKeyRow(ctx.db, ctx.config, project);
  const rows = await ctx.db
    .select()
    .from(projectJwtKeys)
    .where(eq(projectJwtKeys.tenantId, project.tenantId))
    .orderBy(desc(projectJwtKeys.activatedAt));
  const now = new Date();
  return { slug: project.slug, data: rows.map((row) => toKeyResponse(row, now)) };
}

import { desc, eq } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import { toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { tierOfRow } from "./tier-of-row";
import { toBackupResponse, type BackupResponse } from "./to-backup-response";

/**
 * The project's backups, newest first, each with its tier. Any member (viewers too) and platform staff
 * (support sees tiers; downloading stays with owners and developers).
 */
export async function listBackups({
  ctx,
  slug,
  page,
}: {
  ctx: Ctx;
  slug: string;
  page: PageQuery;
}): Promise<Page<BackupResponse>> {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  const rows = await ctx.db
    .select()
    .from(backups)
    .where(eq(backups.tenantId, project.tenantId))
    .orderBy(desc(backups.createdAt), desc(backups.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  const data = await Promise.all(
    rows.map(async (row, index) =>
      toBackupResponse(row, await tierOfRow(row, page.offset === 0 && index === 0), project.slug),
    ),
  );
  return toPage(data, page);
}

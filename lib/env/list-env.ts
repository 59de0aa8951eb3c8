import { asc, eq } from "drizzle-orm";
import { projectEnv } from "@/drizzle/schema";
import { toPage, type Page, type PageQuery } from "@/lib/api/pagination";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import type { EnvVarResponse } from "./inputs";
import { toEnvResponse } from "./to-env-response";

/** A project's variables by key; secret values are never included (see toEnvResponse). */
export async function listEnv({
  ctx,
  slug,
  page,
}: {
  ctx: Ctx;
  slug: string;
  page: PageQuery;
}): Promise<Page<EnvVarResponse>> {
  const { project } = await getProjectForActorOrThrow(ctx, slug);
  const rows = await ctx.db
    .select()
    .from(projectEnv)
    .where(eq(projectEnv.tenantId, project.tenantId))
    .orderBy(asc(projectEnv.key))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toPage(rows.map(toEnvResponse), page);
}

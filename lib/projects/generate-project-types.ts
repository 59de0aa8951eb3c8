import type { Ctx } from "@/lib/context";
import { renderTypescript } from "@/lib/typegen/render-typescript";
import { engineOf, engineProjectOf } from "./engine";
import { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
import { requireActive } from "./require-member-role";

/** `flux gen types`: TypeScript types of the project's tables, views and functions; any member may read them. */
export async function generateProjectTypes({
  ctx,
  slug,
}: {
  ctx: Ctx;
  slug: string;
}): Promise<{ schema: string; typescript: string }> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireActive(access);
  const description = await engineOf(ctx, access.project.mode).describeSchema(
    engineProjectOf(access.project, access.clusterDatabaseUrl),
  );
  return { schema: description.schema, typescript: renderTypescript(description) };
}

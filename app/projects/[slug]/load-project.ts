import { notFound } from "next/navigation";
import { isFluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import type { ProjectAccess } from "@/lib/projects/types";

/** The project for a dashboard page, with the same access rule as the API; a project you cannot see is a 404 page. */
export async function loadProjectOrNotFound(ctx: Ctx, slug: string): Promise<ProjectAccess> {
  return getProjectForActorOrThrow(ctx, slug).catch((err: unknown) => {
    if (isFluxError(err) && err.code === "not_found") notFound();
    throw err;
  });
}

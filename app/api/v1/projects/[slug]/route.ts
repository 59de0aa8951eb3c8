import { json, route } from "@/lib/api/handler";
import { parseSkipBackupCheck } from "@/lib/backups/inputs";
import { nukeProject } from "@/lib/projects/nuke-project";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async ({ ctx, params }) => {
  const { project } = await getProjectForActorOrThrow(ctx, params.slug);
  return json(toProjectResponse(project, ctx.config));
});

/**
 * `flux nuke` (owner): deletes the project only when its latest backup is restorable (409 naming the tier and
 * the fix otherwise); `?skipBackupCheck=true` deletes anyway and the answer carries a warning.
 */
export const DELETE = route<{ slug: string }>(async ({ req, ctx, params }) =>
  json(
    await nukeProject({
      ctx,
      slug: params.slug,
      skipBackupCheck: parseSkipBackupCheck(req.nextUrl.searchParams.get("skipBackupCheck")),
    }),
  ),
);

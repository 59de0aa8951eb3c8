import { json, route } from "@/lib/api/handler";
import { parseInput } from "@/lib/api/parse-input";
import { RestoreBackupInput } from "@/lib/backups/inputs";
import { restoreBackup } from "@/lib/backups/restore-backup";
import { FluxError } from "@/lib/api/errors";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux backup restore --id … --into <new-slug>`: a new project holding the backup's data. */
export const POST = route<{ slug: string; id: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(RestoreBackupInput, await body());
  if (params.id === "latest")
    throw new FluxError(
      "bad_request",
      "Restore needs an explicit backup id (bkp_…), not latest; pick one with `flux backup list`.",
    );
  const { project, backup } = await restoreBackup({ ctx, slug: params.slug, id: params.id, into: input.into });
  return json({ project: toProjectResponse(project, ctx.config), fromBackup: backup.id }, 201);
});

import { json, route } from "@/lib/api/handler";
import { pageQueryFrom } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/parse-input";
import { createBackup } from "@/lib/backups/create-backup";
import { CreateBackupInput } from "@/lib/backups/inputs";
import { listBackups } from "@/lib/backups/list-backups";
import { toBackupResponse } from "@/lib/backups/to-backup-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux backup list`: every member and platform staff; newest first, each with its trust tier. */
export const GET = route<{ slug: string }>(async ({ req, ctx, params }) =>
  json(await listBackups({ ctx, slug: params.slug, page: pageQueryFrom(req.nextUrl) })),
);

/** `flux backup create` (owner, developer): dumps, stores and validates; answers once the row is checked. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(CreateBackupInput, await body());
  const { row, tier } = await createBackup({ ctx, slug: params.slug, label: input.label });
  return json(toBackupResponse(row, tier, params.slug), 201);
});

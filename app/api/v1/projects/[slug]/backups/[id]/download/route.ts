import { Readable } from "node:stream";
import { route } from "@/lib/api/handler";
import { downloadBackup } from "@/lib/backups/download-backup";
import { parseBackupRef } from "@/lib/backups/inputs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux backup download` (owner, developer; never viewers or support): the pg_dump -Fc archive, streamed. */
export const GET = route<{ slug: string; id: string }>(async ({ ctx, params }) => {
  const { row, sizeBytes, stream } = await downloadBackup({ ctx, slug: params.slug, ref: parseBackupRef(params.id) });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    status: 200,
    headers: {
      "content-type": "application/octet-stream",
      "content-length": String(sizeBytes),
      "content-disposition": `attachment; filename="${row.projectSlug}-${row.id}.dump"`,
      "x-flux-backup-id": row.id,
      "x-flux-backup-sha256": row.sha256 ?? "",
      "cache-control": "no-store",
    },
  });
});

import { json, route } from "@/lib/api/handler";
import { parseBackupRef } from "@/lib/backups/inputs";
import { toBackupResponse } from "@/lib/backups/to-backup-response";
import { verifyBackup } from "@/lib/backups/verify-backup";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * `flux backup verify` (owner, developer); `{id}` may be `latest`. A failed verification is an answer, not an
 * error: 200 with the tier it left the backup in and the problems found.
 */
export const POST = route<{ slug: string; id: string }>(async ({ ctx, params }) => {
  const outcome = await verifyBackup({ ctx, slug: params.slug, ref: parseBackupRef(params.id) });
  return json({ backup: toBackupResponse(outcome.row, outcome.tier, params.slug), problems: outcome.problems });
});

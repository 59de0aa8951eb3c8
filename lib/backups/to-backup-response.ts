import { z } from "zod";
import type { BackupRow } from "./backup-row";
import { BACKUP_TIERS, nextActionFor, TIER_MEANING, type BackupTier } from "./tiers";

/** What leaves the server about one backup: the CLI contract's fields plus the decoder's words. */
export const BackupResponse = z.object({
  id: z.string(),
  tier: z.enum(BACKUP_TIERS),
  tierMeaning: z.string(),
  nextAction: z.string(),
  label: z.string(),
  kind: z.enum(["tenant_export", "project_db"]),
  status: z.string(),
  statusReason: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  sha256: z.string().nullable(),
  artifactPath: z.string().nullable(),
  artifactMissing: z.boolean(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  verifyResult: z.enum(["passed", "failed"]).nullable(),
  verifyError: z.string().nullable(),
  reconciledAt: z.string().nullable(),
  tables: z.array(z.object({ table: z.string(), rows: z.number(), contentHash: z.string() })),
});
export type BackupResponse = z.infer<typeof BackupResponse>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** `slug` is the project's current one (the row keeps the slug it had when the backup was taken). */
export function toBackupResponse(row: BackupRow, tier: BackupTier, slug = row.projectSlug): BackupResponse {
  return {
    id: row.id,
    tier,
    tierMeaning: TIER_MEANING[tier],
    nextAction: nextActionFor(tier, slug, row.id),
    label: row.label,
    kind: row.kind,
    status: row.status,
    statusReason: row.statusReason,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    // A swept file's path is shown empty, as the troubleshooting page describes.
    artifactPath: row.sweptAt ? null : row.artifactPath,
    artifactMissing: row.artifactMissingAt !== null || row.sweptAt !== null,
    createdAt: row.createdAt.toISOString(),
    verifiedAt: iso(row.verifiedAt),
    verifyResult: row.verifyResult,
    verifyError: row.verifyError,
    reconciledAt: iso(row.reconciledAt),
    tables: row.tableStats ?? [],
  };
}

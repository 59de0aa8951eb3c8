/** The six trust tiers of a backup, in the words of the troubleshooting page's tier-name decoder. */
export const BACKUP_TIERS = [
  "restorable",
  "not_restore_verified",
  "restore_failed",
  "artifact_pending",
  "pipeline_incomplete",
  "latest_not_complete",
] as const;
export type BackupTier = (typeof BACKUP_TIERS)[number];

/** What each tier means (the decoder's text, verbatim). */
export const TIER_MEANING: Record<BackupTier, string> = {
  restorable: "Restore-verified. Trustworthy.",
  not_restore_verified: "File exists, never restored. Run flux backup verify --latest.",
  restore_failed: "A pg_restore was attempted and failed. The artifact is broken; create a new backup.",
  artifact_pending: "Upload completed; validator still running. Wait briefly.",
  pipeline_incomplete: "The artifact validator marked the file invalid (size mismatch, checksum off). Re-create.",
  latest_not_complete: "The newest row never finished writing. Re-create.",
};

/** The command that moves a project with this tier on its latest backup towards `restorable`. */
export function nextActionFor(tier: BackupTier | null, slug: string, backupId?: string): string {
  const create = `flux backup create --project ${slug}`;
  const verify = `flux backup verify --project ${slug} --latest`;
  switch (tier) {
    case "restorable":
      return "nothing: this backup is trustworthy";
    case "not_restore_verified":
      return verify;
    case "artifact_pending":
      return `wait a moment, then run ${backupId ? `flux backup verify --project ${slug} --id ${backupId}` : verify}`;
    case null:
    case "restore_failed":
    case "pipeline_incomplete":
    case "latest_not_complete":
      return `${create}, then ${verify}`;
  }
}

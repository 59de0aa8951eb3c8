import { artifactState } from "./artifact-store";
import type { BackupRow } from "./backup-row";
import { classifyBackupTrust } from "./classify-backup-trust";
import type { BackupTier } from "./tiers";

/** The tier of a catalog row, looking at its file on disk now (the classifier itself stays pure). */
export async function tierOfRow(row: BackupRow, isLatest: boolean): Promise<BackupTier> {
  return classifyBackupTrust(row, await artifactState(row.sweptAt ? null : row.artifactPath), isLatest);
}

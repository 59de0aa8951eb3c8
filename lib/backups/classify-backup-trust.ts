import type { BackupTier } from "./tiers";

/** The catalog fields the classifier reads. */
export type TrustRow = {
  status: "writing" | "artifact_pending" | "validated" | "invalid" | "failed";
  sizeBytes: number | null;
  verifyResult: "passed" | "failed" | null;
  artifactMissingAt: Date | null;
  sweptAt: Date | null;
};

/** What is on disk for the row right now: absent, or present with this many bytes. */
export type ArtifactState = { present: false } | { present: true; sizeBytes: number };

/**
 * The backup trust classifier: one row (and its artifact's state) → exactly one tier. Pure, so the gate,
 * the list, the dashboard and `flux diagnose` cannot disagree. Broken pipeline evidence wins over an older
 * verification: a restorable backup whose file has since been truncated or removed is not restorable.
 * `isLatest` separates "the newest row never finished" from an older unfinished row nobody will finish.
 */
export function classifyBackupTrust(row: TrustRow, artifact: ArtifactState, isLatest: boolean): BackupTier {
  if (row.status === "writing") return isLatest ? "latest_not_complete" : "pipeline_incomplete";
  if (row.status === "failed" || row.status === "invalid") return "pipeline_incomplete";
  if (!artifact.present || row.artifactMissingAt !== null || row.sweptAt !== null) return "pipeline_incomplete";
  if (row.sizeBytes === null || artifact.sizeBytes !== row.sizeBytes) return "pipeline_incomplete";
  if (row.status === "artifact_pending") return "artifact_pending";
  if (row.verifyResult === "failed") return "restore_failed";
  if (row.verifyResult === "passed") return "restorable";
  return "not_restore_verified";
}

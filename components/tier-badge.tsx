import type { BackupTier } from "@/lib/backups/tiers";

const STYLES: Record<BackupTier, string> = {
  restorable: "bg-green-50 text-green-700 ring-green-600/20",
  not_restore_verified: "bg-amber-50 text-amber-700 ring-amber-600/20",
  artifact_pending: "bg-sky-50 text-sky-700 ring-sky-600/20",
  restore_failed: "bg-red-50 text-red-700 ring-red-600/20",
  pipeline_incomplete: "bg-red-50 text-red-700 ring-red-600/20",
  latest_not_complete: "bg-red-50 text-red-700 ring-red-600/20",
};

/** A backup's trust tier, named exactly as the tier-name decoder names it. */
export function TierBadge({ tier, testId }: { tier: BackupTier; testId?: string }) {
  return (
    <span
      data-testid={testId}
      data-tier={tier}
      className={`inline-flex rounded-full px-2 py-0.5 font-mono text-xs font-medium ring-1 ring-inset ${STYLES[tier]}`}
    >
      {tier}
    </span>
  );
}

import type { AppliedSql, MigrationToRun } from "@/lib/engines/types";
import { MigrationConflictError } from "./migration-input-error";

export type PlannedAction = "apply" | "unchanged" | "accept_checksum";
export type PlannedFile = MigrationToRun & { action: PlannedAction; outOfOrder: boolean; applied: AppliedSql | null };

/**
 * Decides what a push does with each file, given the project's history (decision 0023):
 * - applied with the same checksum → unchanged;
 * - applied with another checksum → refused; with force, its new checksum and SQL are recorded, not run;
 * - not applied, version below the highest applied → out of order, refused; with force, applied in order;
 * - otherwise → applied, in version order.
 * Throws MigrationConflictError naming every refused file and the two ways out.
 */
export function planPush(files: MigrationToRun[], history: AppliedSql[], force: boolean): PlannedFile[] {
  const applied = new Map<number, AppliedSql>();
  for (const row of history) if (/^\d{1,15}$/.test(row.version)) applied.set(Number(row.version), row);
  const highest = Math.max(0, ...applied.keys());
  const highestRow = applied.get(highest);
  const refusals: string[] = [];

  const planned = files.map((file): PlannedFile => {
    const row = applied.get(Number(file.version)) ?? null;
    if (row && row.checksum === file.checksum) return { ...file, action: "unchanged", outOfOrder: false, applied: row };
    if (row) {
      if (!force) refusals.push(changedMessage(file, row, nextVersion(highest, file)));
      return { ...file, action: "accept_checksum", outOfOrder: false, applied: row };
    }
    const outOfOrder = Number(file.version) < highest;
    if (outOfOrder && !force)
      refusals.push(outOfOrderMessage(file, highestRow?.version ?? String(highest), nextVersion(highest, file)));
    return { ...file, action: "apply", outOfOrder, applied: null };
  });

  if (refusals.length > 0) {
    throw new MigrationConflictError(
      `The push was refused and nothing was applied:\n${refusals.map((r) => `- ${r}`).join("\n")}`,
    );
  }
  return planned;
}

function changedMessage(file: MigrationToRun, row: AppliedSql, next: string): string {
  return (
    `${file.fileName} has changed since it was applied on ${row.appliedAt.toISOString()} ` +
    `(checksum ${row.checksum.slice(0, 12)}… in the history, ${file.checksum.slice(0, 12)}… now). ` +
    `Restore the file as it was applied and put the change in a new file (${next}_${file.name}.sql), ` +
    "or pass --force to record the new checksum without running the file again."
  );
}

function outOfOrderMessage(file: MigrationToRun, highest: string, next: string): string {
  return (
    `${file.fileName} is not applied, but a later version (${highest}) already is, so it would run out of order. ` +
    `Rename it to a version after ${highest} (e.g. ${next}_${file.name}.sql), or pass --force to apply it anyway.`
  );
}

/** The next free version, padded like the file's own version. */
function nextVersion(highest: number, file: MigrationToRun): string {
  return String(highest + 1).padStart(file.version.length, "0");
}

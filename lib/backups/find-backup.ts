import { and, desc, eq } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import type { BackupRow } from "./backup-row";

/** `latest` or a backup id: how every verb that acts on one backup names it. */
export type BackupRef = { latest: true } | { id: string };

export async function latestBackupRow(db: Ctx["db"], tenantId: string): Promise<BackupRow | null> {
  const [row] = await db
    .select()
    .from(backups)
    .where(eq(backups.tenantId, tenantId))
    .orderBy(desc(backups.createdAt), desc(backups.id))
    .limit(1);
  return row ?? null;
}

/** The backup of this tenant named by `ref`; never one of another tenant (same not-found as a wrong id). */
export async function findBackupOrThrow(
  db: Ctx["db"],
  tenantId: string,
  slug: string,
  ref: BackupRef,
): Promise<BackupRow> {
  if ("latest" in ref) {
    const latest = await latestBackupRow(db, tenantId);
    if (!latest)
      throw new FluxError(
        "not_found",
        `Project '${slug}' has no backups yet; run \`flux backup create --project ${slug}\`.`,
      );
    return latest;
  }
  const [row] = await db
    .select()
    .from(backups)
    .where(and(eq(backups.id, ref.id), eq(backups.tenantId, tenantId)))
    .limit(1);
  if (!row)
    throw new FluxError(
      "not_found",
      `No backup '${ref.id}' in project '${slug}'; list them with \`flux backup list --project ${slug}\`.`,
    );
  return row;
}

export const backupRefOf = (value: string): BackupRef => (value === "latest" ? { latest: true } : { id: value });

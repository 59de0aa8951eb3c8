import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import type { Executor } from "@/lib/db";

export type BackupRow = typeof backups.$inferSelect;
export type BackupPatch = Partial<Omit<typeof backups.$inferInsert, "id">>;

export const newBackupId = (): string => `bkp_${randomBytes(10).toString("hex")}`;

export async function updateBackup(db: Executor, id: string, patch: BackupPatch): Promise<BackupRow> {
  const [row] = await db.update(backups).set(patch).where(eq(backups.id, id)).returning();
  if (!row) throw new Error(`backup ${id} vanished while it was being updated`);
  return row;
}

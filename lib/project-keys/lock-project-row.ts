import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import type { Transaction } from "@/lib/db";
import type { ProjectRow } from "@/lib/projects/types";

/** Re-reads the project row under FOR UPDATE, so two key changes of one project never interleave. */
export async function lockProjectRow(tx: Transaction, tenantId: string): Promise<ProjectRow> {
  const [row] = await tx.select().from(projects).where(eq(projects.tenantId, tenantId)).for("update");
  if (!row) throw new Error(`project ${tenantId} vanished during a key change`);
  return row;
}

/** True while a rotation's previous secret is still accepted by the gateway. */
export const graceRunning = (
  project: Pick<ProjectRow, "previousJwtSecretEncrypted" | "previousJwtSecretExpiresAt">,
  now: Date,
): boolean =>
  project.previousJwtSecretEncrypted !== null &&
  project.previousJwtSecretExpiresAt !== null &&
  project.previousJwtSecretExpiresAt > now;

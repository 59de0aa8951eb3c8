import { and, eq, isNull } from "drizzle-orm";
import { projectJwtKeys } from "@/drizzle/schema";
import type { FluxConfig } from "@/lib/config";
import type { Executor } from "@/lib/db";
import type { ProjectRow } from "@/lib/projects/types";
import { keyFingerprint, newKeyId } from "./key-fingerprint";
import type { KeyRow } from "./key-state";
import { currentProjectSecret } from "./project-secret";

/**
 * The history row of the project's current key. Projects created before key history existed have none: their
 * row is written on first need, dated from the project's creation, so every project shows its current key.
 */
export async function ensureCurrentKeyRow(
  tx: Executor,
  config: Pick<FluxConfig, "FLUX_MASTER_KEY">,
  project: Pick<ProjectRow, "tenantId" | "jwtSecretEncrypted" | "createdAt">,
): Promise<KeyRow> {
  const [existing] = await tx
    .select()
    .from(projectJwtKeys)
    .where(and(eq(projectJwtKeys.tenantId, project.tenantId), isNull(projectJwtKeys.retiredAt)))
    .limit(1);
  if (existing) return existing;
  const [inserted] = await tx
    .insert(projectJwtKeys)
    .values({
      id: newKeyId(),
      tenantId: project.tenantId,
      fingerprint: keyFingerprint(currentProjectSecret(config, project)),
      activatedAt: project.createdAt,
    })
    .returning();
  if (!inserted) throw new Error("insert into project_jwt_keys returned no row");
  return inserted;
}

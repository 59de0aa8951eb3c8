import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { evictProjectHosts } from "@/lib/cache/evict-project-hosts";
import type { Ctx } from "@/lib/context";
import { V1_DEDICATED_UNAVAILABLE, type EngineProject, type TenantEngine } from "@/lib/engines";
import type { ProjectRow } from "./types";

/**
 * Undoes a project whose provisioning failed — the engine's objects, then the row (members cascade) — so
 * the slug is free again and no half-made project survives. Returns the error to raise.
 */
export async function rollBackFailedProvisioning(
  ctx: Ctx,
  failed: { project: ProjectRow; engine: TenantEngine; engineProject: EngineProject; cause: unknown },
): Promise<FluxError> {
  const { project, cause } = failed;
  const engineUnavailable = cause instanceof Error && cause.message === V1_DEDICATED_UNAVAILABLE;
  if (!engineUnavailable) {
    await failed.engine.deleteProject(failed.engineProject).catch((cleanupErr: unknown) => {
      // The row goes anyway: an orphaned schema is found by reconcile, a row pointing at nothing breaks users.
      log(ctx, "engine cleanup after failed provisioning also failed", project.tenantId, cleanupErr);
    });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(projects).where(eq(projects.tenantId, project.tenantId));
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: "project.provision_failed",
      targetType: "project",
      targetId: project.tenantId,
      tenantId: project.tenantId,
      details: {
        slug: project.slug,
        mode: project.mode,
        reason: cause instanceof Error ? cause.message : String(cause),
      },
      requestId: ctx.requestId,
    });
  });
  await evictProjectHosts(ctx, project);

  if (engineUnavailable) return new FluxError("unprocessable", V1_DEDICATED_UNAVAILABLE);
  return new FluxError(
    "internal",
    `Provisioning project '${project.slug}' failed and was rolled back; nothing was kept. Try again, or give an operator the request id ${ctx.requestId}.`,
    { cause },
  );
}

function log(ctx: Ctx, msg: string, tenantId: string, err: unknown): void {
  const detail = err instanceof Error ? err.message : String(err);
  console.error(JSON.stringify({ level: "error", msg, tenantId, requestId: ctx.requestId, err: detail }));
}

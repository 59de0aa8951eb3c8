import { FluxError } from "@/lib/api/errors";
import { ControlPlaneLockBusyError } from "@/lib/engines/control-plane-lock";

/**
 * Runs an engine step; a control-plane lock still held after its bounded wait becomes a 409 that says what
 * the project is waiting for, instead of an unexplained 500.
 */
export async function busyAsConflict<T>(slug: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof ControlPlaneLockBusyError)) throw error;
    const waited = Math.round(error.waitedMs / 1000);
    const why = error.lockName.startsWith("push:")
      ? `a push of '${slug}' is still running (waited ${waited} s); wait for it to finish — at the latest at its plan's push deadline — then try again`
      : error.lockName.startsWith("roles:")
        ? `another change to '${slug}''s database roles is still in progress (waited ${waited} s); try again in a moment`
        : `the tenant cluster is busy creating or deleting other projects (waited ${waited} s); try again in a moment`;
    throw new FluxError("conflict", `Project '${slug}' is busy: ${why}.`, { cause: error });
  }
}

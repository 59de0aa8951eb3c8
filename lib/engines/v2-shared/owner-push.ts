import type pg from "pg";
import { ControlPlaneLockBusyError, withControlPlaneLocks } from "@/lib/engines/control-plane-lock";
import { PushInProgressError } from "@/lib/engines/push-limit-errors";
import type { EngineProject, TenantCredentials } from "@/lib/engines/types";
import { credentialsFor } from "./credentials";
import { pushLimitsFor, type PushLimits } from "./guardrails";
import { PUSH_LOCK_WAIT_MS, pushLockName } from "./lock-names";
import { connectOwner } from "./owner-connection";
import { startPushDeadline } from "./push-deadline";
import { pushDeadlineMessage } from "./push-timeouts";
import type { PushRules, TenantFile } from "./run-tenant-file";
import { TenantSqlError } from "./tenant-sql-error";

export type OwnerPush = {
  client: pg.Client;
  credentials: TenantCredentials;
  rules: PushRules;
  /** The error to report for `file`: the push-deadline error when the deadline ended the backend under it. */
  failureOf: (error: unknown, file: TenantFile) => unknown;
};

export type OwnerPushDeps = {
  tenantAdminUrl: string;
  systemDatabaseUrl: string;
  dataPlaneKey: string;
  /** Puts the tenant roles' passwords and defaults back to what Flux derives (repair-tenant-roles.ts). */
  repairRoles: (project: EngineProject) => Promise<unknown>;
  /** The push limits of a plan; tests pass short ones. Default: guardrails.ts. */
  pushLimits?: (plan: EngineProject["plan"]) => PushLimits;
};

/**
 * Everything that runs tenant SQL as the owner role goes through here: one push of a project at a time (a
 * flux-system lock, waited for at most PUSH_LOCK_WAIT_MS), an owner connection with the plan's timeouts, the
 * plan's wall-clock deadline enforced from outside, and afterwards the roles' passwords and defaults checked and
 * put back, since the SQL may have changed them.
 */
export async function withOwnerPush<T>(
  deps: OwnerPushDeps,
  project: EngineProject,
  work: (push: OwnerPush) => Promise<T>,
): Promise<T> {
  const credentials = credentialsFor(project, deps.dataPlaneKey);
  const rules: PushRules = { plan: project.plan, limits: (deps.pushLimits ?? pushLimitsFor)(project.plan) };
  const repair = () => deps.repairRoles(project);
  try {
    return await withControlPlaneLocks(
      deps.systemDatabaseUrl,
      [pushLockName(project.tenantId)],
      { waitMs: PUSH_LOCK_WAIT_MS },
      async () => {
        const client = await connectOwner(credentials, rules, repair);
        try {
          const { rows } = await client.query<{ pid: number }>("select pg_catalog.pg_backend_pid() as pid");
          const deadline = startPushDeadline(deps.tenantAdminUrl, rows[0]?.pid ?? 0, rules.limits.deadlineSeconds);
          const failureOf = (error: unknown, file: TenantFile) =>
            deadline.fired()
              ? new TenantSqlError(
                  file.name,
                  file.sql,
                  { code: "57P01", message: "the push was ended at its deadline" },
                  pushDeadlineMessage(rules.plan, rules.limits),
                )
              : error;
          try {
            return await work({ client, credentials, rules, failureOf });
          } finally {
            deadline.stop();
          }
        } finally {
          await client.end().catch(() => undefined);
          // The worker's role reconcile loop repairs whatever this could not (e.g. the cluster went away).
          await repair().catch(() => undefined);
        }
      },
    );
  } catch (error) {
    if (error instanceof ControlPlaneLockBusyError && error.lockName === pushLockName(project.tenantId)) {
      throw new PushInProgressError(PUSH_LOCK_WAIT_MS / 1000);
    }
    throw error;
  }
}

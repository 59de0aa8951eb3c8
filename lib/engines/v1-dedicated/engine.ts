import type { SchemaDescription } from "@/lib/typegen/types";
import type {
  AppliedSql,
  AppliedSqlDetail,
  EngineProject,
  MigrationSession,
  TenantCredentials,
  TenantEngine,
} from "@/lib/engines/types";

export const V1_DEDICATED_UNAVAILABLE =
  "v1_dedicated projects need the container engine, which this installation does not run; create the project with mode v2_shared";

/**
 * Placeholder for the dedicated (one container per project) engine. It exists so a v1_dedicated row gets a
 * clear refusal instead of silently being served by the shared engine: mode is never inferred from plan.
 */
export class V1DedicatedEngine implements TenantEngine {
  readonly mode = "v1_dedicated" as const;

  provisionProject(_project: EngineProject): Promise<void> {
    return Promise.reject(unavailable());
  }
  deleteProject(_project: EngineProject): Promise<void> {
    return Promise.reject(unavailable());
  }
  applyPlan(_project: EngineProject): Promise<void> {
    return Promise.reject(unavailable());
  }
  repairRoles(_project: EngineProject): Promise<string[]> {
    return Promise.reject(unavailable());
  }
  projectsWithRoleDrift(_projects: EngineProject[]): Promise<EngineProject[]> {
    return Promise.reject(unavailable());
  }
  setSuspended(_project: EngineProject, _suspended: boolean): Promise<void> {
    return Promise.reject(unavailable());
  }
  getCredentials(_project: EngineProject): TenantCredentials {
    throw unavailable();
  }
  importSql(
    _project: EngineProject,
    _input: { name: string; sql: string; actorUserId: string | null },
  ): Promise<AppliedSql> {
    return Promise.reject(unavailable());
  }
  listAppliedSql(_project: EngineProject): Promise<AppliedSqlDetail[]> {
    return Promise.reject(unavailable());
  }
  describeSchema(_project: EngineProject): Promise<SchemaDescription> {
    return Promise.reject(unavailable());
  }
  withMigrationSession<T>(_project: EngineProject, _work: (session: MigrationSession) => Promise<T>): Promise<T> {
    return Promise.reject(unavailable());
  }
}

function unavailable(): Error {
  return new Error(V1_DEDICATED_UNAVAILABLE);
}

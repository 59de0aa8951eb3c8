import type {
  AppliedSql,
  AppliedSqlDetail,
  EngineProject,
  MigrationSession,
  TenantCredentials,
  TenantEngine,
} from "@/lib/engines/types";
import type { SchemaDescription } from "@/lib/typegen/types";
import {
  assertProjectOnCluster,
  terminateSessionsOf,
  withAdminTransaction,
  withLockedAdminTransaction,
} from "./admin-connection";
import { credentialsFor } from "./credentials";
import { deleteTenant } from "./delete-project";
import { describeTenantSchema } from "./describe-schema";
import { findRoleDrift } from "./find-role-drift";
import { applyTenantPlan, setTenantLogin } from "./guardrail-statements";
import { importTenantSql, listTenantSql, type ImportSqlInput } from "./import-sql";
import { pushLockName, rolesLockName, sharedObjectsLockName } from "./lock-names";
import { withTenantMigrationSession } from "./migration-session";
import type { OwnerPushDeps } from "./owner-push";
import { provisionTenant } from "./provision-project";
import { repairTenantRoles } from "./repair-tenant-roles";

export type V2SharedDeps = {
  /** Superuser URL of the tenant cluster database. */
  tenantAdminUrl: string;
  dataPlaneKey: string;
  /** flux-system, where the control-plane locks live (tenant SQL cannot reach it). */
  systemDatabaseUrl: string;
  /** Push limits by plan at run time (tests pass short ones); roles keep guardrails.ts's as their defaults. */
  pushLimits?: OwnerPushDeps["pushLimits"];
};

/**
 * v2_shared: one schema and two LOGIN roles per project on a shared cluster database. Catalog writes and
 * pushes are serialised by locks in flux-system, always taken in the order push → roles → shared objects.
 */
export class V2SharedEngine implements TenantEngine {
  readonly mode = "v2_shared" as const;

  constructor(private readonly deps: V2SharedDeps) {}

  async provisionProject(project: EngineProject): Promise<void> {
    this.check(project);
    await withLockedAdminTransaction(
      this.deps,
      [rolesLockName(project.tenantId), sharedObjectsLockName(project.clusterDatabaseUrl)],
      (client) => provisionTenant(client, project, this.deps.dataPlaneKey),
    );
  }

  async deleteProject(project: EngineProject): Promise<void> {
    this.check(project);
    // Waits (bounded) for a running push instead of dropping the schema under it; the rows go with the tenant.
    await withLockedAdminTransaction(
      this.deps,
      [
        pushLockName(project.tenantId),
        rolesLockName(project.tenantId),
        sharedObjectsLockName(project.clusterDatabaseUrl),
      ],
      (client) => deleteTenant(client, project),
      { forget: true },
    );
  }

  async applyPlan(project: EngineProject): Promise<void> {
    this.check(project);
    await withLockedAdminTransaction(this.deps, [rolesLockName(project.tenantId)], (client) =>
      applyTenantPlan(client, project),
    );
  }

  async setSuspended(project: EngineProject, suspended: boolean): Promise<void> {
    this.check(project);
    await withLockedAdminTransaction(this.deps, [rolesLockName(project.tenantId)], async (client) => {
      const roles = await setTenantLogin(client, project, !suspended);
      // NOLOGIN only stops new logins; sessions already open (the data API's pool) must be ended too.
      if (suspended) await terminateSessionsOf(client, roles);
    });
  }

  async repairRoles(project: EngineProject): Promise<string[]> {
    this.check(project);
    return withLockedAdminTransaction(this.deps, [rolesLockName(project.tenantId)], (client) =>
      repairTenantRoles(client, project, this.deps.dataPlaneKey),
    );
  }

  async projectsWithRoleDrift(projects: EngineProject[]): Promise<EngineProject[]> {
    for (const project of projects) this.check(project);
    if (projects.length === 0) return [];
    return withAdminTransaction(this.deps.tenantAdminUrl, (client) =>
      findRoleDrift(client, projects, this.deps.dataPlaneKey),
    );
  }

  getCredentials(project: EngineProject): TenantCredentials {
    this.check(project);
    return credentialsFor(project, this.deps.dataPlaneKey);
  }

  async importSql(project: EngineProject, input: ImportSqlInput): Promise<AppliedSql> {
    this.check(project);
    return importTenantSql(this.pushDeps(), project, input);
  }

  async listAppliedSql(project: EngineProject): Promise<AppliedSqlDetail[]> {
    this.check(project);
    return listTenantSql(credentialsFor(project, this.deps.dataPlaneKey));
  }

  async withMigrationSession<T>(project: EngineProject, work: (session: MigrationSession) => Promise<T>): Promise<T> {
    this.check(project);
    return withTenantMigrationSession(this.pushDeps(), project, work);
  }

  async describeSchema(project: EngineProject): Promise<SchemaDescription> {
    this.check(project);
    return describeTenantSchema(credentialsFor(project, this.deps.dataPlaneKey));
  }

  private pushDeps(): OwnerPushDeps {
    return { ...this.deps, repairRoles: (project) => this.repairRoles(project) };
  }

  private check(project: EngineProject): void {
    if (project.mode !== "v2_shared") {
      throw new Error(`Project ${project.tenantId} has mode ${project.mode}; the v2_shared engine cannot serve it.`);
    }
    assertProjectOnCluster(project, this.deps.tenantAdminUrl);
  }
}

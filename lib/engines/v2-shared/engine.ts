import type {
  AppliedSql,
  AppliedSqlDetail,
  EngineProject,
  MigrationSession,
  TenantCredentials,
  TenantEngine,
} from "@/lib/engines/types";
import { assertProjectOnCluster, terminateSessionsOf, withAdminTransaction } from "./admin-connection";
import { credentialsFor } from "./credentials";
import { deleteTenant } from "./delete-project";
import { applyTenantPlan, setTenantLogin } from "./guardrail-statements";
import { importTenantSql, listTenantSql, type ImportSqlInput } from "./import-sql";
import type { SchemaDescription } from "@/lib/typegen/types";
import { describeTenantSchema } from "./describe-schema";
import { withTenantMigrationSession } from "./migration-session";
import { provisionTenant } from "./provision-project";

export type V2SharedDeps = { tenantAdminUrl: string; dataPlaneKey: string };

/** v2_shared: one schema and two LOGIN roles per project on a shared cluster database. */
export class V2SharedEngine implements TenantEngine {
  readonly mode = "v2_shared" as const;

  constructor(private readonly deps: V2SharedDeps) {}

  async provisionProject(project: EngineProject): Promise<void> {
    this.check(project);
    await withAdminTransaction(this.deps.tenantAdminUrl, (client) =>
      provisionTenant(client, project, this.deps.dataPlaneKey),
    );
  }

  async deleteProject(project: EngineProject): Promise<void> {
    this.check(project);
    await withAdminTransaction(this.deps.tenantAdminUrl, (client) => deleteTenant(client, project));
  }

  async applyPlan(project: EngineProject): Promise<void> {
    this.check(project);
    await withAdminTransaction(this.deps.tenantAdminUrl, (client) => applyTenantPlan(client, project));
  }

  async setSuspended(project: EngineProject, suspended: boolean): Promise<void> {
    this.check(project);
    await withAdminTransaction(this.deps.tenantAdminUrl, async (client) => {
      const roles = await setTenantLogin(client, project, !suspended);
      // NOLOGIN only stops new logins; sessions already open (the data API's pool) must be ended too.
      if (suspended) await terminateSessionsOf(client, roles);
    });
  }

  getCredentials(project: EngineProject): TenantCredentials {
    this.check(project);
    return credentialsFor(project, this.deps.dataPlaneKey);
  }

  async importSql(project: EngineProject, input: ImportSqlInput): Promise<AppliedSql> {
    this.check(project);
    return importTenantSql(credentialsFor(project, this.deps.dataPlaneKey), input);
  }

  async listAppliedSql(project: EngineProject): Promise<AppliedSqlDetail[]> {
    this.check(project);
    return listTenantSql(credentialsFor(project, this.deps.dataPlaneKey));
  }

  async withMigrationSession<T>(project: EngineProject, work: (session: MigrationSession) => Promise<T>): Promise<T> {
    this.check(project);
    return withTenantMigrationSession(credentialsFor(project, this.deps.dataPlaneKey), this.deps.tenantAdminUrl, work);
  }

  async describeSchema(project: EngineProject): Promise<SchemaDescription> {
    this.check(project);
    return describeTenantSchema(credentialsFor(project, this.deps.dataPlaneKey));
  }

  private check(project: EngineProject): void {
    if (project.mode !== "v2_shared") {
      throw new Error(`Project ${project.tenantId} has mode ${project.mode}; the v2_shared engine cannot serve it.`);
    }
    assertProjectOnCluster(project, this.deps.tenantAdminUrl);
  }
}

import type { TenantIdentifiers } from "@/lib/tenancy";
import type { SchemaDescription } from "@/lib/typegen/types";

export type ProjectMode = "v1_dedicated" | "v2_shared";
export type ProjectPlan = "free" | "pro" | "enterprise";

/** What an engine needs to know about a project; always taken from the flux-system row. */
export type EngineProject = {
  tenantId: string;
  mode: ProjectMode;
  plan: ProjectPlan;
  /** The tenant cluster's database URL (superuser credentials for provisioning come from config). */
  clusterDatabaseUrl: string;
};

export type TenantCredentials = TenantIdentifiers & {
  /** URL the data API connects with: logged in as the API role, password derived. */
  apiDatabaseUrl: string;
  /** URL migrations connect with: logged in as the owner role, password derived. */
  ownerDatabaseUrl: string;
};

export type AppliedSql = { version: string; name: string; checksum: string; appliedAt: Date };

/** One history row with what the dashboard shows beside it: who pushed it and the SQL that ran. */
export type AppliedSqlDetail = AppliedSql & { actorUserId: string | null; sql: string };

/** A migration file ready to run: version and name from `NNNN_name.sql`, checksum = sha256 of its SQL. */
export type MigrationToRun = { version: string; name: string; fileName: string; sql: string; checksum: string };

/**
 * One push's hold on a tenant: the caller sees the history and applies files while no other push of the
 * same project can (a lock in flux-system held for the whole session, released when it ends), under the
 * plan's push limits (timeouts, deadline, owner CONNECTION LIMIT).
 */
export interface MigrationSession {
  history(): Promise<AppliedSql[]>;
  /** Runs one file and writes its history row in one transaction of its own. */
  apply(file: MigrationToRun, actorUserId: string | null): Promise<AppliedSql>;
  /** Runs the files in order inside one transaction that is always rolled back (a dry run with real SQL). */
  rehearse(files: MigrationToRun[], actorUserId: string | null): Promise<void>;
  /** Re-records an applied version's checksum and SQL without running it (`flux push --force`). */
  acceptChangedFile(file: MigrationToRun): Promise<void>;
}

/**
 * The engine interface of the architecture document (§6). The dashboard, the CLI's server side and the
 * worker depend only on this; the registry picks the implementation by the project's explicit `mode`.
 */
export interface TenantEngine {
  readonly mode: ProjectMode;
  /** Creates everything the project needs. Idempotent; on failure nothing it created survives. */
  provisionProject(project: EngineProject): Promise<void>;
  /** Removes the tenant's schema and roles. Idempotent. */
  deleteProject(project: EngineProject): Promise<void>;
  /** Applies plan guardrails (statement_timeout, CONNECTION LIMIT) after a plan change. */
  applyPlan(project: EngineProject): Promise<void>;
  /** Blocks (suspended=true) or restores the tenant roles' ability to log in. */
  setSuspended(project: EngineProject, suspended: boolean): Promise<void>;
  /**
   * Puts both roles' passwords, expiry and defaults back to what Flux derives (a role may change its own) and
   * returns what had to be repaired — empty when nothing had changed.
   */
  repairRoles(project: EngineProject): Promise<string[]>;
  /** Of these projects, the ones whose roles need repairRoles: one cheap catalog read for all of them. */
  projectsWithRoleDrift(projects: EngineProject[]): Promise<EngineProject[]>;
  getCredentials(project: EngineProject): TenantCredentials;
  /**
   * Runs tenant SQL logged in as the owner role, in one transaction together with its history row;
   * concurrent calls for one project are serialised.
   */
  importSql(
    project: EngineProject,
    input: { name: string; sql: string; actorUserId: string | null },
  ): Promise<AppliedSql>;
  listAppliedSql(project: EngineProject): Promise<AppliedSqlDetail[]>;
  /** Opens a locked migration session for the project (see MigrationSession); ends it when `work` settles. */
  withMigrationSession<T>(project: EngineProject, work: (session: MigrationSession) => Promise<T>): Promise<T>;
  /** The tenant schema's tables, views, functions and enums, read as the API role (what the data API serves). */
  describeSchema(project: EngineProject): Promise<SchemaDescription>;
}

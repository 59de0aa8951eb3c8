import { pgEnum } from "drizzle-orm/pg-core";

export const platformRole = pgEnum("platform_role", ["admin", "support", "user"]);
export const projectMode = pgEnum("project_mode", ["v1_dedicated", "v2_shared"]);
export const projectPlan = pgEnum("project_plan", ["free", "pro", "enterprise"]);
export const projectStatus = pgEnum("project_status", ["provisioning", "active", "suspended", "failed"]);
export const memberRole = pgEnum("member_role", ["owner", "developer", "viewer"]);
/** tenant_export: one pooled tenant's schema (pg_dump --schema); project_db: a dedicated project's database. */
export const backupKind = pgEnum("backup_kind", ["tenant_export", "project_db"]);
/**
 * Where a backup's pipeline stands: `writing` (pg_dump streaming; a row left here never finished),
 * `artifact_pending` (written; the validator has not checked it yet), `validated` (size, SHA-256 and archive
 * listing checked), `invalid` (the validator or a later check found it broken), `failed` (pg_dump failed).
 */
export const backupStatus = pgEnum("backup_status", ["writing", "artifact_pending", "validated", "invalid", "failed"]);
/** The outcome of the last `flux backup verify` (a real pg_restore into a disposable database). */
export const backupVerifyResult = pgEnum("backup_verify_result", ["passed", "failed"]);

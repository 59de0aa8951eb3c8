import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { backupKind, backupStatus, backupVerifyResult } from "./enums";
import { users } from "./users";

/** Row count and order-independent content hash of one table, taken in the dump's own snapshot. */
export type BackupTableStat = { table: string; rows: number; contentHash: string };

/**
 * One portable tenant export (`flux backup create`) and its trust evidence. Deliberately no foreign key to
 * projects: the row outlives a deleted project, so `flux backup restore --into` still finds it and the catalog
 * keeps the evidence (docs/decisions/0025).
 */
export const backups = pgTable(
  "backups",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id").notNull(),
    /** The project's slug when the backup was taken (the row outlives the project). */
    projectSlug: text("project_slug").notNull(),
    /** Who owned the project then: with createdBy, the people who may restore it once the project is gone. */
    projectOwnerId: uuid("project_owner_id"),
    kind: backupKind("kind").notNull().default("tenant_export"),
    label: text("label").notNull(),
    status: backupStatus("status").notNull().default("writing"),
    /** Why the pipeline marked it failed/invalid (pg_dump's stderr, "size mismatch", …). */
    statusReason: text("status_reason"),
    artifactPath: text("artifact_path"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    sha256: text("sha256"),
    tableStats: jsonb("table_stats").$type<BackupTableStat[]>(),
    pgDumpVersion: text("pg_dump_version"),
    serverVersion: text("server_version"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    validatedAt: timestamp("validated_at", { withTimezone: true }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifyResult: backupVerifyResult("verify_result"),
    verifyError: text("verify_error"),
    /** Last time reconcile looked for the file; artifactMissingAt is set when it was not on disk. */
    reconciledAt: timestamp("reconciled_at", { withTimezone: true }),
    artifactMissingAt: timestamp("artifact_missing_at", { withTimezone: true }),
    /** Retention removed the file (the row stays as evidence). */
    sweptAt: timestamp("swept_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("backups_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

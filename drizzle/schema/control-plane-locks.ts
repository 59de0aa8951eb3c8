import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per named control-plane lock (a tenant's push, its roles, a cluster's shared objects). A holder
 * keeps the row locked (`FOR UPDATE`) in an open flux-system transaction for as long as it works; the row
 * itself carries no state. Living in flux-system, these locks are out of reach of tenant SQL, which runs on
 * the tenant cluster and cannot connect here (docs/decisions/0043-control-plane-locks-in-flux-system.md).
 */
export const controlPlaneLocks = pgTable("control_plane_locks", {
  name: text("name").primaryKey(),
  takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
});

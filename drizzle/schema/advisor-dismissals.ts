import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { users } from "./users";

/** Advisor findings an owner or developer dismissed, by the lint's stable key (`<lint>:<object>`). */
export const advisorDismissals = pgTable(
  "advisor_dismissals",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => projects.tenantId, { onDelete: "cascade" }),
    key: text("key").notNull(),
    dismissedBy: uuid("dismissed_by").references(() => users.id, { onDelete: "set null" }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

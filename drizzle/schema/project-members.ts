import { pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { memberRole } from "./enums";
import { projects } from "./projects";
import { users } from "./users";

export const projectMembers = pgTable(
  "project_members",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => projects.tenantId, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

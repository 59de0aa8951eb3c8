import { boolean, check, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { timestamps } from "./columns";
import { projects } from "./projects";

/**
 * A project's environment variables. A plain value sits in `value`; a secret one only as AES-256-GCM
 * ciphertext in `valueEncrypted`, bound to (tenant, key), and is never read back out through the API.
 */
export const projectEnv = pgTable(
  "project_env",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => projects.tenantId, { onDelete: "cascade" }),
    key: text("key").notNull(),
    secret: boolean("secret").notNull(),
    value: text("value"),
    valueEncrypted: text("value_encrypted"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    check(
      "project_env_one_value",
      sql`(${t.secret} AND ${t.value} IS NULL AND ${t.valueEncrypted} IS NOT NULL) OR (NOT ${t.secret} AND ${t.value} IS NOT NULL AND ${t.valueEncrypted} IS NULL)`,
    ),
  ],
);

import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";

/** Shared tenant clusters; new v2_shared projects go to the least-loaded one. */
export const clusters = pgTable("clusters", {
  id: text("id").primaryKey(),
  /** Connection URL of the cluster's tenant database, without a password (credentials come from config). */
  databaseUrl: text("database_url").notNull(),
  maxTenants: integer("max_tenants").notNull().default(2000),
  ...timestamps,
});

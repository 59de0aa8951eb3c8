import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { projects } from "./projects";

/** Custom hostnames routed to a project once ownership is proven. */
export const domains = pgTable("domains", {
  hostname: text("hostname").primaryKey(),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => projects.tenantId, { onDelete: "cascade" }),
  verificationToken: text("verification_token").notNull(),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  ...timestamps,
});

import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { platformRole } from "./enums";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name"),
  /** scrypt$N$r$p$salt$hash — see lib/users/password.ts */
  passwordHash: text("password_hash"),
  platformRole: platformRole("platform_role").notNull().default("user"),
  ...timestamps,
});

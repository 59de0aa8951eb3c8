import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Remembered answers to creates sent with an `Idempotency-Key`, per user and key, so a retried request gets
 * the first answer instead of a second resource. The body is stored encrypted: it can hold a fresh token.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** Method, path and a digest of the body: the same key with a different request is refused. */
    fingerprint: text("fingerprint").notNull(),
    status: integer("status").notNull(),
    bodyEncrypted: text("body_encrypted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

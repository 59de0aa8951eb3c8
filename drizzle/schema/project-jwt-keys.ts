import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";

/**
 * The history of a project's JWT secrets, without the secrets (the gateway reads the current and previous
 * ciphertexts from `projects`). State is derived from the dates: no retiredAt → current; acceptedUntil in the
 * future → previous (still accepted, the grace period); otherwise revoked at acceptedUntil.
 */
export const projectJwtKeys = pgTable(
  "project_jwt_keys",
  {
    id: text("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => projects.tenantId, { onDelete: "cascade" }),
    /** First 16 hex characters of SHA-256(secret): tells keys apart without revealing them. */
    fingerprint: text("fingerprint").notNull(),
    activatedAt: timestamp("activated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When a rotation replaced this key; null while it is the current key. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    /** After retirement, tokens signed with this key are accepted until then (the grace period's end). */
    acceptedUntil: timestamp("accepted_until", { withTimezone: true }),
  },
  (t) => [index("project_jwt_keys_tenant_idx").on(t.tenantId, t.activatedAt)],
);

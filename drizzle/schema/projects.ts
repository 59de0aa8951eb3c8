import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clusters } from "./clusters";
import { timestamps } from "./columns";
import { projectMode, projectPlan, projectStatus } from "./enums";
import { users } from "./users";

export const projects = pgTable(
  "projects",
  {
    tenantId: uuid("tenant_id").primaryKey(),
    slug: text("slug").notNull().unique(),
    hash: text("hash").notNull().unique(),
    name: text("name").notNull(),
    mode: projectMode("mode").notNull(),
    plan: projectPlan("plan").notNull(),
    status: projectStatus("status").notNull().default("provisioning"),
    clusterId: text("cluster_id")
      .notNull()
      .references(() => clusters.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** AES-256-GCM ciphertext of the project's JWT secret (lib/secrets). */
    jwtSecretEncrypted: text("jwt_secret_encrypted").notNull(),
    /**
     * The secret replaced by the last rotation, still accepted by the gateway until previousJwtSecretExpiresAt
     * (the grace period); null once the grace ends or was ended early.
     */
    previousJwtSecretEncrypted: text("previous_jwt_secret_encrypted"),
    previousJwtSecretExpiresAt: timestamp("previous_jwt_secret_expires_at", { withTimezone: true }),
    /** When true, a request without a token is served as the `anon` role instead of refused with 401. */
    anonymousAccess: boolean("anonymous_access").notNull().default(false),
    /** Browser origins allowed by CORS; empty means any origin (tokens, not cookies, carry the credentials). */
    corsOrigins: text("cors_origins")
      .array()
      .notNull()
      .default(sql`ARRAY[]::text[]`),
    allowedRoles: text("allowed_roles")
      .array()
      .notNull()
      .default(sql`ARRAY['anon','authenticated']::text[]`),
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    lastAccessedAt: timestamp("last_accessed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("projects_hash_format", sql`${t.hash} ~ '^[0-9a-f]{7}$'`),
    check("projects_slug_format", sql`${t.slug} ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'`),
  ],
);

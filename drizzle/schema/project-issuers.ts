import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { users } from "./users";

/**
 * Third-party token issuers a project trusts (Clerk, Auth0, Auth.js with asymmetric keys): a token whose `iss`
 * equals `issuer` and whose header says RS256 / ES256 is verified against the keys published at `jwksUrl`.
 * Nothing here is secret: the JWKS holds public keys only.
 */
export const projectIssuers = pgTable(
  "project_issuers",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => projects.tenantId, { onDelete: "cascade" }),
    /** The exact `iss` claim the issuer's tokens carry. */
    issuer: text("issuer").notNull(),
    /** https (loopback http only with FLUX_JWKS_ALLOW_LOOPBACK_HTTP=1, for development and tests). */
    jwksUrl: text("jwks_url").notNull(),
    /** When set, the token's `aud` must contain it. */
    audience: text("audience"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.issuer] })],
);

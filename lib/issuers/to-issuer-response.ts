import type { projectIssuers } from "@/drizzle/schema";
import type { IssuerResponse } from "./inputs";

export type IssuerRow = typeof projectIssuers.$inferSelect;

/** What leaves the server for a trusted issuer (all of it is public: a JWKS holds public keys only). */
export function toIssuerResponse(row: IssuerRow, projectSlug: string, createdByEmail: string | null): IssuerResponse {
  return {
    project: projectSlug,
    issuer: row.issuer,
    jwksUrl: row.jwksUrl,
    audience: row.audience,
    createdAt: row.createdAt.toISOString(),
    createdBy: createdByEmail,
  };
}

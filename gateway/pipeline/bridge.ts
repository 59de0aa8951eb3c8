// Step 5 — mint the short-lived token rest trusts: the tenant's role from the project record, never the client's.
import type { JWTPayload } from "jose";
import { mintBridgeToken } from "@/lib/jwt";
import type { ResolvedProject } from "../directory/types";

export const BRIDGE_TTL_SECONDS = 60;

/**
 * The client's `role` claim only travels inside `claims` (for RLS helpers such as auth.role()); the database
 * role is the project's t_<shortid>_role, so a token claiming "postgres" or another tenant's role changes
 * nothing about which role rest logs in as.
 */
export async function mintBridge(project: ResolvedProject, verifiedClaims: JWTPayload, bridgeKey: Uint8Array): Promise<string> {
  return mintBridgeToken(
    { role: project.apiRole, tenant_id: project.tenantId, claims: { ...verifiedClaims } },
    bridgeKey,
    BRIDGE_TTL_SECONDS,
  );
}

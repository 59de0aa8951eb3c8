// Step 5 — mint the short-lived token rest trusts: the tenant's role from the project record, never the client's.
import type { JWTPayload } from "jose";
import { BRIDGE_MAX_TTL_SECONDS, mintBridgeToken } from "@/lib/jwt";
import { roleNameOf } from "@/lib/tenancy";
import type { ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";

export const BRIDGE_TTL_SECONDS = 60;

const TENANT_API_ROLE = /^t_[0-9a-f]{12}_role$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The pool secret as a CryptoKey imported once at start-up, so no request pays for a key import. */
export function importBridgeSigningKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/**
 * The client's `role` claim only travels inside `claims` (for RLS helpers such as auth.role()); the database
 * role is the project's t_<shortid>_role, so a token claiming "postgres" or another tenant's role changes
 * nothing about which role rest logs in as. The shape is re-checked here because a wrong role or tenant_id
 * in a bridge token is the platform's worst failure (spec §8): better a 500 than a mis-issued token.
 */
export async function mintBridge(project: ResolvedProject, verifiedClaims: JWTPayload, bridgeKey: CryptoKey | Uint8Array): Promise<string> {
  const role = roleNameOf(project.tenantId);
  if (!UUID.test(project.tenantId) || !TENANT_API_ROLE.test(role) || project.apiRole !== role) {
    throw new GatewayError({
      status: 500,
      code: "FLUX-GW-INTERNAL",
      message: "The gateway refused to mint a bridge token for an inconsistent project record",
      hint: "Quote the X-Request-ID to support",
    });
  }
  return mintBridgeToken(
    { role, tenant_id: project.tenantId, claims: { ...verifiedClaims }, plan: project.plan },
    bridgeKey,
    Math.min(BRIDGE_TTL_SECONDS, BRIDGE_MAX_TTL_SECONDS),
  );
}

import type { IncomingMessage } from "node:http";
import type { BridgeClaims, BridgeVerifier } from "@/lib/jwt";
import { isTenantId, roleNameOf, schemaForApiRole } from "@/lib/tenancy";
import { statementTimeoutMsFor } from "@/rest/execute/statement-timeout";
import { unauthorized } from "@/rest/respond/rest-error";

export type RequestIdentity = {
  tenantId: string;
  /** The tenant's API role: the login of the pool that serves the request. */
  role: string;
  /** Derived from the role alone; no header or claim can choose another schema. */
  schema: string;
  claims: Record<string, unknown>;
  /** The plan's statement timeout (ms), from the signed bridge token: see execute/statement-timeout.ts. */
  statementTimeoutMs: number;
};

/**
 * Verifies the gateway's bridge token. The role must be a tenant API role (`t_<shortid>_role`) and must be
 * the role of the token's own tenant_id, so a token naming `postgres`, an owner role or another tenant's role
 * is refused before any connection is made. These checks run on every request, also when the verifier answers
 * from its cache of verified tokens.
 */
export async function authenticate(req: IncomingMessage, bridge: BridgeVerifier): Promise<RequestIdentity> {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized("Missing bridge token: expected Authorization: Bearer <token> from the gateway");
  let verified: BridgeClaims;
  try {
    verified = await bridge.verify(match[1]);
  } catch {
    throw unauthorized("JWT invalid: the bridge token does not verify");
  }
  const schema = schemaForApiRole(verified.role);
  if (!schema || !isTenantId(verified.tenant_id) || roleNameOf(verified.tenant_id) !== verified.role) {
    throw unauthorized("JWT invalid: the bridge token's role is not this tenant's API role");
  }
  return {
    tenantId: verified.tenant_id,
    role: verified.role,
    schema,
    claims: verified.claims,
    statementTimeoutMs: statementTimeoutMsFor(verified.plan),
  };
}

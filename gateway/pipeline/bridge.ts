// Step 5 — mint the short-lived token rest trusts: the tenant's role from the project record, never the client's.
import type { JWTPayload } from "jose";
import { BRIDGE_MAX_TTL_SECONDS, mintBridgeToken, TokenCache } from "@/lib/jwt";
import { roleNameOf } from "@/lib/tenancy";
import type { ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";

export const BRIDGE_TTL_SECONDS = 60;
/** A minted bridge token is handed out again for this long, so rest always receives ≥ 40 s of validity. */
export const BRIDGE_REUSE_SECONDS = 20;
/** Claims beyond this size (as JSON) are minted every time instead of kept. */
const MAX_REUSED_CLAIMS_LENGTH = 4_096;

const TENANT_API_ROLE = /^t_[0-9a-f]{12}_role$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The pool secret as a CryptoKey imported once at start-up, so no request pays for a key import. */
export function importBridgeSigningKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
}

/**
 * The client's `role` claim only travels inside `claims` (for RLS helpers such as auth.role()); the database
 * role is the project's t_<shortid>_role, so a token claiming "postgres" or another tenant's role changes
 * nothing about which role rest logs in as. The shape is re-checked here because a wrong role or tenant_id
 * in a bridge token is the platform's worst failure (spec §8): better a 500 than a mis-issued token.
 */
export async function mintBridge(
  project: ResolvedProject,
  verifiedClaims: JWTPayload,
  bridgeKey: CryptoKey | Uint8Array,
): Promise<string> {
  const role = checkedApiRole(project);
  return mintBridgeToken(
    { role, tenant_id: project.tenantId, claims: { ...verifiedClaims }, plan: project.plan },
    bridgeKey,
    Math.min(BRIDGE_TTL_SECONDS, BRIDGE_MAX_TTL_SECONDS),
  );
}

export type BridgeMinter = (project: ResolvedProject, verifiedClaims: JWTPayload) => Promise<string>;

/**
 * mintBridge with reuse: the token minted for one (tenant, role, claims) is handed out again for
 * BRIDGE_REUSE_SECONDS, so a client sending the same token repeatedly costs one HMAC per 20 s instead of one
 * per request (and rest verifies the same string from its own cache). The project record is re-checked on every
 * call, and the key includes the tenant, its role and the exact claims, so a reused token never carries anything
 * a fresh one would not. Decision 0019.
 */
export function createBridgeMinter(
  bridgeKey: Promise<CryptoKey> | CryptoKey,
  options: { maxEntries?: number; reuseSeconds?: number; now?: () => number } = {},
): BridgeMinter {
  const reuseMs = Math.min(options.reuseSeconds ?? BRIDGE_REUSE_SECONDS, BRIDGE_TTL_SECONDS / 2) * 1000;
  const now = options.now ?? Date.now;
  const minted = new TokenCache<string>({
    maxEntries: options.maxEntries ?? 10_000,
    maxTokenLength: MAX_REUSED_CLAIMS_LENGTH + 128,
    now,
    reorderAfterMs: 1_000,
  });
  return async (project, verifiedClaims) => {
    const role = checkedApiRole(project);
    // The plan is in the token (rest's statement timeout): a plan change must never reuse the old one.
    const cacheKey = `${project.tenantId} ${role} ${project.plan} ${claimsJson(verifiedClaims)}`;
    const reused = minted.get(cacheKey);
    if (reused) return reused;
    const startedAt = now();
    const token = await mintBridge(project, verifiedClaims, await bridgeKey);
    if (reuseMs > 0) minted.set(cacheKey, token, startedAt + reuseMs);
    return token;
  };
}

/**
 * Verified claims come from the verified-token cache as one frozen object per token (decision 0019), so their JSON
 * is computed once per object; claims that are not frozen (could still change) are serialised every time.
 */
const claimsJsonCache = new WeakMap<JWTPayload, string>();
function claimsJson(claims: JWTPayload): string {
  if (!Object.isFrozen(claims)) return JSON.stringify(claims);
  let json = claimsJsonCache.get(claims);
  if (json === undefined) claimsJsonCache.set(claims, (json = JSON.stringify(claims)));
  return json;
}

/** The tenant's API role, derived from the tenant id and matching the record; otherwise a 500, never a token. */
function checkedApiRole(project: ResolvedProject): string {
  const role = roleNameOf(project.tenantId);
  if (!UUID.test(project.tenantId) || !TENANT_API_ROLE.test(role) || project.apiRole !== role) {
    throw new GatewayError({
      status: 500,
      code: "FLUX-GW-INTERNAL",
      message: "The gateway refused to mint a bridge token for an inconsistent project record",
      hint: "Quote the X-Request-ID to support",
    });
  }
  return role;
}

import { jwtVerify, SignJWT, type JWTPayload } from "jose";

export const BRIDGE_ISSUER = "flux-gateway";
export const BRIDGE_AUDIENCE = "flux-rest";
export const BRIDGE_MAX_TTL_SECONDS = 300;

export type BridgeClaims = {
  /** The tenant's API role, chosen by the gateway from the project record — never from the client. */
  role: string;
  tenant_id: string;
  /** The verified claims of the project token, passed to SQL as request.jwt.claims. */
  claims: Record<string, unknown>;
  /**
   * The project's plan, from the project record: rest derives the statement timeout and its request deadline
   * from it, never from the tenant role's settings (a role may `ALTER ROLE … SET` its own defaults).
   * Optional so tokens of an older gateway still verify; rest then applies the largest plan's limit.
   */
  plan?: BridgePlan;
};

export const BRIDGE_PLANS = ["free", "pro", "enterprise"] as const;
export type BridgePlan = (typeof BRIDGE_PLANS)[number];

/** The pool secret as bytes. Prefer `importBridgeKey`: jose re-imports raw bytes on every sign and verify. */
export function bridgeKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The pool secret as a non-extractable HMAC CryptoKey, imported once. */
export function importBridgeKey(
  secret: string,
  usages: Array<"sign" | "verify"> = ["sign", "verify"],
): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    usages,
  );
}

export async function mintBridgeToken(
  claims: BridgeClaims,
  key: Uint8Array | CryptoKey,
  ttlSeconds = 60,
): Promise<string> {
  const ttl = Math.min(Math.max(ttlSeconds, 1), BRIDGE_MAX_TTL_SECONDS);
  const plan = claims.plan === undefined ? {} : { plan: claims.plan };
  return new SignJWT({ role: claims.role, tenant_id: claims.tenant_id, claims: claims.claims, ...plan })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(BRIDGE_ISSUER)
    .setAudience(BRIDGE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
    .sign(key);
}

/** Verifies a bridge token: HS256 only, issuer/audience fixed, exp required and at most 5 minutes out. */
export async function verifyBridgeToken(token: string, key: Uint8Array | CryptoKey): Promise<BridgeClaims> {
  return (await verifyBridgeTokenWithExpiry(token, key)).claims;
}

/** As verifyBridgeToken, with the token's `exp` (unix seconds) for callers that cache the result. */
export async function verifyBridgeTokenWithExpiry(
  token: string,
  key: Uint8Array | CryptoKey,
): Promise<{ claims: BridgeClaims; exp: number }> {
  const { payload } = await jwtVerify(token, key, {
    algorithms: ["HS256"],
    issuer: BRIDGE_ISSUER,
    audience: BRIDGE_AUDIENCE,
    requiredClaims: ["exp", "iat"],
    clockTolerance: 5,
  });
  return { claims: parseBridgePayload(payload), exp: payload.exp as number };
}

function parseBridgePayload(payload: JWTPayload): BridgeClaims {
  const { role, tenant_id: tenantId, claims, plan, exp, iat } = payload as JWTPayload & Partial<BridgeClaims>;
  if (typeof exp !== "number" || typeof iat !== "number" || exp - iat > BRIDGE_MAX_TTL_SECONDS + 5) {
    throw new Error("bridge token lifetime exceeds 5 minutes");
  }
  if (typeof role !== "string" || typeof tenantId !== "string") throw new Error("bridge token lacks role or tenant_id");
  if (typeof claims !== "object" || claims === null || Array.isArray(claims))
    throw new Error("bridge token lacks claims");
  if (plan !== undefined && !BRIDGE_PLANS.includes(plan)) throw new Error("bridge token names an unknown plan");
  return plan === undefined ? { role, tenant_id: tenantId, claims } : { role, tenant_id: tenantId, claims, plan };
}

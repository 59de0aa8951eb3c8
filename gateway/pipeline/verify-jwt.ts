// Step 3 — prove the caller holds a token signed with THIS project's secret, for a role the project allows.
import type { IncomingMessage } from "node:http";
import { errors, jwtVerify, type JWTPayload } from "jose";
import type { ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";

export const MAX_TOKEN_BYTES = 8 * 1024;
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * HS256 only (no `none`, no algorithm confusion), `exp` required, 30 s of clock skew each way. An `iat` more
 * than 30 s in the future is refused by hand: jose's maxTokenAge would do it too but would also make `iat`
 * mandatory and cap the age of long-lived anon tokens, which projects legitimately issue.
 */
export async function verifyProjectJwt(req: IncomingMessage, project: ResolvedProject, now: () => number = Date.now): Promise<JWTPayload> {
  const token = bearerToken(req);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, project.jwtKey, {
      algorithms: ["HS256"],
      requiredClaims: ["exp"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(now()),
    }));
  } catch (error) {
    throw classifyJoseError(error);
  }
  if (typeof payload.iat === "number" && payload.iat > now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
    throw authError("FLUX-GW-AUTH-NOT-YET-VALID", "The token's iat (issued at) lies in the future", "Check the clock of the system that signs tokens");
  }
  const role = payload.role;
  if (typeof role !== "string" || !project.allowedRoles.includes(role)) {
    throw authError(
      "FLUX-GW-ROLE-NOT-ALLOWED",
      typeof role === "string" ? `The token's role '${role.slice(0, 64)}' is not allowed for this project` : "The token has no role claim",
      `Sign tokens with one of the project's roles: ${project.allowedRoles.join(", ")}`,
    );
  }
  return payload;
}

function bearerToken(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === "") {
    throw authError("FLUX-GW-AUTH-MISSING", "No Authorization header was sent", "Send `Authorization: Bearer <JWT signed with the project's secret>`");
  }
  if (header.length > MAX_TOKEN_BYTES + "Bearer ".length) {
    throw authError("FLUX-GW-AUTH-MALFORMED", `The token is longer than ${MAX_TOKEN_BYTES} bytes`, "Keep custom claims small");
  }
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header);
  if (!match?.[1]) {
    throw authError("FLUX-GW-AUTH-MALFORMED", "The Authorization header is not `Bearer <jwt>`", "Send `Authorization: Bearer <jwt>`");
  }
  return match[1];
}

function classifyJoseError(error: unknown): GatewayError {
  if (error instanceof errors.JWTExpired) {
    return authError("FLUX-GW-AUTH-EXPIRED", "The token has expired", "Sign a new token; check the clock of the signing system");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return authError(
      "FLUX-GW-AUTH-SIGNATURE",
      "The token's signature does not match this project's JWT secret",
      "Sign with the JWT secret of the project whose Service URL you call",
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return authError("FLUX-GW-AUTH-ALG", "The token's algorithm is not allowed; only HS256 is accepted", "Sign tokens with HS256");
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf" && error.reason === "check_failed") {
      return authError("FLUX-GW-AUTH-NOT-YET-VALID", "The token is not valid yet (nbf lies in the future)", "Check the clock of the signing system");
    }
    return authError("FLUX-GW-AUTH-MALFORMED", `The token's ${error.claim} claim is ${error.reason === "missing" ? "missing" : "invalid"}`, "Tokens need a numeric exp claim");
  }
  return authError("FLUX-GW-AUTH-MALFORMED", "The bearer token is not a well-formed JWT", "Send a compact JWS (header.payload.signature)");
}

function authError(code: string, message: string, hint: string): GatewayError {
  return new GatewayError({ status: 401, code, message, hint, headers: { "WWW-Authenticate": 'Bearer realm="flux"' } });
}

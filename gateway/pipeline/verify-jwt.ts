// Step 3 — prove the caller holds a token signed with THIS project's secret, for a role the project allows.
import type { IncomingMessage } from "node:http";
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { deepFreeze, type TokenCache } from "@/lib/jwt";
import type { ResolvedProject } from "../directory/types";
import { authError, classifyJoseError } from "./auth-errors";
import type { TrustedIssuer } from "../directory/find-project-row";
import type { IssuerKeySets } from "../jwks/issuer-key-sets";
import { isIssuerAlgorithm, verifyIssuerToken, type IssuerVerifyOptions } from "./verify-jwks";

export type VerifyOptions = {
  /** Clock skew tolerated on exp / nbf / iat (FLUX_GATEWAY_JWT_LEEWAY_S). */
  leewaySeconds: number;
  /** Longest bearer token accepted (FLUX_GATEWAY_MAX_TOKEN_BYTES). */
  maxTokenBytes: number;
  now?: () => number;
  /** Tokens that verified, by tenant and token string, until their exp (decision 0019); none: verify every time. */
  cache?: TokenCache<VerifiedToken>;
  /** Key sets of third-party issuers (verify-jwks.ts); without it RS256 / ES256 tokens are refused. */
  issuers?: IssuerVerifyOptions["keySets"];
};

/**
 * What a full verification established, and what vouched for it: one of the project's secrets (by the exact
 * CryptoKey), or one of its trusted issuers (by the generation of the key set the public key came from).
 */
export type VerifiedToken =
  | { payload: JWTPayload; via: "secret"; key: CryptoKey; viaPrevious: boolean }
  | { payload: JWTPayload; via: "issuer"; trusted: TrustedIssuer; generation: number };

export const DEFAULT_VERIFY_OPTIONS: VerifyOptions = { leewaySeconds: 30, maxTokenBytes: 8 * 1024 };

/** Tenant roles and the cluster's own roles: no token may name them, whatever a project's allowedRoles says. */
const FORBIDDEN_ROLE = /^(t_[0-9a-f]{12}_(role|owner)|postgres|pg_.*|authenticator|rds_.*|cloudsqlsuperuser)$/i;

/**
 * HS256 with the project's secret (no `none`, no RS/HS confusion, no kid), or RS256 / ES256 from one of the
 * project's trusted issuers (verify-jwks.ts); `exp` required, bounded leeway each way. During a rotation's grace
 * period a token signed with the previous secret verifies too. A verified token is remembered until its exp while
 * what vouched for it still stands (stillValid). An `iat` in the future is refused by hand:
 * jose's maxTokenAge would also make `iat` mandatory and cap the age of long-lived anon tokens.
 * A request without any Authorization header is served as `anon` only when the project opted into that.
 */
export async function verifyProjectJwt(
  req: IncomingMessage,
  project: ResolvedProject,
  options: VerifyOptions = DEFAULT_VERIFY_OPTIONS,
): Promise<JWTPayload> {
  const now = options.now ?? Date.now;
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === "") {
    if (project.anonymousAccess) return { role: "anon" };
    throw authError("FLUX-GW-AUTH-MISSING");
  }
  const token = bearerToken(header, options.maxTokenBytes);
  const cacheKey = `${project.tenantId} ${token}`;
  const cached = options.cache?.get(cacheKey);
  if (cached && stillValid(cached, project, now(), options.issuers)) {
    checkRole(cached.payload.role, project.allowedRoles);
    return cached.payload;
  }
  const alg = checkProtectedHeader(token);
  let verified: VerifiedToken;
  if (isIssuerAlgorithm(alg)) {
    const issued = await verifyIssuerToken(token, project, {
      keySets: options.issuers,
      leewaySeconds: options.leewaySeconds,
      nowMs: now(),
    });
    verified = { via: "issuer", ...issued };
  } else {
    verified = await verifyWithProjectKeys(token, project, options.leewaySeconds, now());
    if (typeof verified.payload.iat === "number" && verified.payload.iat > now() / 1000 + options.leewaySeconds) {
      throw authError("FLUX-GW-AUTH-NOT-YET-VALID", "iat lies in the future");
    }
  }
  const { payload } = verified;
  checkRole(payload.role, project.allowedRoles);
  // exp is required, so every entry has an end; the cache keeps it no longer than that (without the leeway).
  if (typeof payload.exp === "number")
    options.cache?.set(cacheKey, { ...verified, payload: deepFreeze(payload) }, payload.exp * 1000);
  return payload;
}

/**
 * A cached verification counts only while the key that produced it is still the project's key for that slot
 * (a rotation or a re-read secret imports a new CryptoKey), a previous-secret verification only within the
 * grace period, and never past exp. Anything else is verified again from scratch.
 */
function stillValid(
  entry: VerifiedToken,
  project: ResolvedProject,
  nowMs: number,
  issuers: IssuerKeySets | undefined,
): boolean {
  if (typeof entry.payload.exp !== "number" || entry.payload.exp * 1000 <= nowMs) return false;
  if (entry.via === "issuer") return issuerStillVouches(entry.trusted, entry.generation, project, issuers);
  if (!entry.viaPrevious) return entry.key === project.jwtKey;
  const graceEndsAt = project.previousJwtSecretExpiresAt?.getTime() ?? 0;
  return entry.key === project.previousJwtKey && graceEndsAt > nowMs;
}

/**
 * An issuer's verification counts while the project still trusts that issuer with the same JWKS URL and audience,
 * and the key set that held the key is still the current, fresh one: a refresh (which may have dropped the key)
 * or a set due for one sends the token through a full verification, which also triggers the refresh.
 */
function issuerStillVouches(
  trusted: TrustedIssuer,
  generation: number,
  project: ResolvedProject,
  issuers: IssuerKeySets | undefined,
): boolean {
  const stillTrusted = project.trustedIssuers.some(
    (candidate) =>
      candidate.issuer === trusted.issuer &&
      candidate.jwksUrl === trusted.jwksUrl &&
      candidate.audience === trusted.audience,
  );
  return stillTrusted && issuers !== undefined && issuers.freshGeneration(trusted.jwksUrl) === generation;
}

function bearerToken(header: string, maxTokenBytes: number): string {
  if (header.length > maxTokenBytes + "Bearer ".length) {
    throw authError("FLUX-GW-AUTH-TOO-LARGE", `the limit is ${maxTokenBytes} bytes`);
  }
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header);
  if (!match?.[1]) throw authError("FLUX-GW-AUTH-MALFORMED");
  return match[1];
}

/**
 * Decided before any key is touched, so the algorithm and key choice never come from the token: HS256 without a
 * kid goes on here, RS256 / ES256 go to the trusted-issuer path (verify-jwks.ts), anything else is refused.
 */
function checkProtectedHeader(token: string): string {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw authError("FLUX-GW-AUTH-MALFORMED");
  }
  if (typeof header.alg === "string" && isIssuerAlgorithm(header.alg)) return header.alg;
  if (header.alg !== "HS256") throw authError("FLUX-GW-AUTH-ALG", `got ${String(header.alg).slice(0, 16)}`);
  if (header.kid !== undefined) throw authError("FLUX-GW-AUTH-KID");
  return header.alg;
}

async function verifyWithProjectKeys(
  token: string,
  project: ResolvedProject,
  leeway: number,
  nowMs: number,
): Promise<VerifiedToken> {
  const verify = async (key: CryptoKey, viaPrevious: boolean): Promise<VerifiedToken> => {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      requiredClaims: ["exp"],
      clockTolerance: leeway,
      currentDate: new Date(nowMs),
    });
    return { payload, via: "secret", key, viaPrevious };
  };
  try {
    return await verify(project.jwtKey, false);
  } catch (error) {
    const graceEndsAt = project.previousJwtSecretExpiresAt?.getTime() ?? 0;
    if (error instanceof errors.JWSSignatureVerificationFailed && project.previousJwtKey && graceEndsAt > nowMs) {
      try {
        return await verify(project.previousJwtKey, true);
      } catch (previousError) {
        throw classifyJoseError(previousError);
      }
    }
    throw classifyJoseError(error);
  }
}

function checkRole(role: unknown, allowedRoles: readonly string[]): void {
  if (typeof role !== "string") throw authError("FLUX-GW-ROLE-NOT-ALLOWED", "the token has no role claim");
  const shown = role.replace(/[^\x20-\x7e]/g, "?").slice(0, 64);
  if (FORBIDDEN_ROLE.test(role)) throw authError("FLUX-GW-ROLE-FORBIDDEN", `'${shown}'`);
  if (!allowedRoles.includes(role)) {
    throw authError("FLUX-GW-ROLE-NOT-ALLOWED", `'${shown}' is not one of ${allowedRoles.join(", ")}`);
  }
}

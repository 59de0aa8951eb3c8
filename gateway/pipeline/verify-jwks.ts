// Part of step 3 — tokens of third-party issuers (RS256 / ES256) that a project trusts by JWKS URL.
import { decodeJwt, jwtVerify, errors, type JWTPayload } from "jose";
import type { TrustedIssuer } from "../directory/find-project-row";
import type { ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";
import { JwksUnavailable, type IssuerKeySets } from "../jwks/issuer-key-sets";
import { authError, classifyJoseError } from "./auth-errors";

const ISSUER_ALGORITHMS = ["RS256", "ES256"] as const;

export type IssuerVerifyOptions = {
  /** Shared by the whole gateway; undefined: asymmetric tokens are refused like any other algorithm. */
  keySets: IssuerKeySets | undefined;
  leewaySeconds: number;
  nowMs: number;
};

export const isIssuerAlgorithm = (alg: string): boolean => (ISSUER_ALGORITHMS as readonly string[]).includes(alg);

/** Which of the project's issuers vouched for a token, and the generation of its key set that held the key. */
export type IssuerVerification = { payload: JWTPayload; trusted: TrustedIssuer; generation: number };

/**
 * The issuer is chosen by the token's `iss`, but only among the project's own trusted issuers, and the key only
 * from that issuer's JWKS: a token can name any issuer it likes and still only reaches keys the project owner
 * registered. The HS256 project secret is never tried here, so an RS256/ES256 header cannot make a public key
 * act as an HMAC secret (and an HS256 header never reaches these keys).
 */
export async function verifyIssuerToken(
  token: string,
  project: ResolvedProject,
  options: IssuerVerifyOptions,
): Promise<IssuerVerification> {
  if (!options.keySets || project.trustedIssuers.length === 0) {
    throw authError("FLUX-GW-AUTH-ALG", "this project trusts no JWKS issuer (flux issuers add)");
  }
  const trusted = project.trustedIssuers.find((candidate) => candidate.issuer === unverifiedIssuer(token));
  if (!trusted) throw authError("FLUX-GW-AUTH-ISSUER");
  let payload: JWTPayload;
  let generation = -1;
  try {
    ({ payload } = await jwtVerify(
      token,
      options.keySets.resolverFor(trusted.jwksUrl, (used) => (generation = used)),
      {
        algorithms: [...ISSUER_ALGORITHMS],
        issuer: trusted.issuer,
        ...(trusted.audience !== null ? { audience: trusted.audience } : {}),
        requiredClaims: ["exp"],
        clockTolerance: options.leewaySeconds,
        currentDate: new Date(options.nowMs),
      },
    ));
  } catch (error) {
    throw classifyIssuerError(error);
  }
  if (typeof payload.iat === "number" && payload.iat > options.nowMs / 1000 + options.leewaySeconds) {
    throw authError("FLUX-GW-AUTH-NOT-YET-VALID", "iat lies in the future");
  }
  return { payload, trusted, generation };
}

/** Only used to pick which of the project's issuers to verify against; the signature check comes next. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return iss;
  } catch {
    throw authError("FLUX-GW-AUTH-MALFORMED");
  }
}

function classifyIssuerError(error: unknown): GatewayError {
  if (error instanceof JwksUnavailable) {
    return new GatewayError({
      status: 503,
      code: "FLUX-GW-JWKS-UNAVAILABLE",
      message: "The token's issuer publishes its keys at a JWKS URL the gateway could not fetch",
      hint: "Retry shortly; if it persists, check the issuer's JWKS URL (flux issuers list) and that it answers over https",
      headers: { "Retry-After": String(error.retryAfterSeconds) },
      cause: error,
    });
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return authError("FLUX-GW-AUTH-KID", "no key in the issuer's JWKS matches it");
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return authError("FLUX-GW-AUTH-KID", "the token has no kid and the issuer's JWKS has several keys");
  if (error instanceof errors.JOSENotSupported) return authError("FLUX-GW-AUTH-ALG");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud")
    return authError("FLUX-GW-AUTH-AUDIENCE");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iss")
    return authError("FLUX-GW-AUTH-ISSUER");
  return classifyJoseError(error);
}

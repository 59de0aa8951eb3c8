// Part of step 3 — one code and one message per way a project token can fail (docs/troubleshooting.md).
import { errors } from "jose";
import { GatewayError } from "../errors";

const AUTH_FAILURES = {
  "FLUX-GW-AUTH-MISSING": [
    "No Authorization header was sent",
    "Send `Authorization: Bearer <JWT signed with the project's secret>`",
  ],
  "FLUX-GW-AUTH-MALFORMED": [
    "The Authorization header is not `Bearer <jwt>` with a well-formed compact JWS",
    "Send `Authorization: Bearer <header.payload.signature>`",
  ],
  "FLUX-GW-AUTH-TOO-LARGE": ["The bearer token is larger than the gateway accepts", "Keep custom claims small"],
  "FLUX-GW-AUTH-ALG": [
    "The token's algorithm is not allowed; HS256 (project secret) is accepted, and RS256 / ES256 only from an issuer the project trusts",
    "Sign tokens with HS256 and the project's JWT secret, or trust your provider's JWKS: flux issuers add",
  ],
  "FLUX-GW-AUTH-KID": [
    "The token names a key id (kid) this project does not have, or names none while several keys could match",
    "HS256 project tokens carry no kid; RS256 / ES256 tokens need the kid of a key in the issuer's JWKS",
  ],
  "FLUX-GW-AUTH-ISSUER": [
    "The token's iss is not an issuer this project trusts",
    "Check the issuer with flux issuers list; the iss claim must match exactly",
  ],
  "FLUX-GW-AUTH-AUDIENCE": [
    "The token's aud does not name the audience this project expects from its issuer",
    "Set the audience in the provider's token template, or re-add the issuer with the audience it sends",
  ],
  "FLUX-GW-AUTH-SIGNATURE": [
    "The token's signature does not match this project's JWT secret",
    "Sign with the JWT secret of the project whose Service URL you call; after a rotation, use the new secret",
  ],
  "FLUX-GW-AUTH-EXP-MISSING": ["The token has no exp (expiry) claim", "Tokens need a numeric exp claim"],
  "FLUX-GW-AUTH-CLAIM-INVALID": [
    "A registered claim of the token has the wrong type",
    "exp, nbf and iat must be numbers (seconds since the epoch)",
  ],
  "FLUX-GW-AUTH-EXPIRED": ["The token has expired", "Sign a new token; check the clock of the signing system"],
  "FLUX-GW-AUTH-NOT-YET-VALID": [
    "The token is not valid yet (nbf or iat lies in the future)",
    "Check the clock of the system that signs tokens",
  ],
  "FLUX-GW-ROLE-NOT-ALLOWED": [
    "The token's role claim is missing or not one of this project's allowed roles",
    "Sign tokens with one of the project's allowed roles",
  ],
  "FLUX-GW-ROLE-FORBIDDEN": [
    "The token's role claim names a database role no token may ask for",
    "Use an application role such as anon or authenticated; the gateway chooses the database role",
  ],
} as const;

export type AuthFailure = keyof typeof AUTH_FAILURES;

export function authError(code: AuthFailure, detail?: string): GatewayError {
  const [message, hint] = AUTH_FAILURES[code];
  return new GatewayError({
    status: 401,
    code,
    message: detail ? `${message}: ${detail}` : message,
    hint,
    headers: { "WWW-Authenticate": 'Bearer realm="flux"' },
  });
}

/** jose's verification failures, in the gateway's codes; anything unrecognised is a malformed token. */
export function classifyJoseError(error: unknown): GatewayError {
  if (error instanceof errors.JWTExpired) return authError("FLUX-GW-AUTH-EXPIRED");
  if (error instanceof errors.JWSSignatureVerificationFailed) return authError("FLUX-GW-AUTH-SIGNATURE");
  if (error instanceof errors.JOSEAlgNotAllowed) return authError("FLUX-GW-AUTH-ALG");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "exp" && error.reason === "missing") return authError("FLUX-GW-AUTH-EXP-MISSING");
    if (error.claim === "nbf" && error.reason === "check_failed")
      return authError("FLUX-GW-AUTH-NOT-YET-VALID", "nbf lies in the future");
    return authError("FLUX-GW-AUTH-CLAIM-INVALID", `${error.claim} is invalid`);
  }
  return authError("FLUX-GW-AUTH-MALFORMED");
}

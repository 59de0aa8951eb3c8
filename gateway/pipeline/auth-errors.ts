// Part of step 3 — one code and one message per way a project token can fail (docs/troubleshooting.md).
import { GatewayError } from "../errors";

const AUTH_FAILURES = {
  "FLUX-GW-AUTH-MISSING": ["No Authorization header was sent", "Send `Authorization: Bearer <JWT signed with the project's secret>`"],
  "FLUX-GW-AUTH-MALFORMED": ["The Authorization header is not `Bearer <jwt>` with a well-formed compact JWS", "Send `Authorization: Bearer <header.payload.signature>`"],
  "FLUX-GW-AUTH-TOO-LARGE": ["The bearer token is larger than the gateway accepts", "Keep custom claims small"],
  "FLUX-GW-AUTH-ALG": ["The token's algorithm is not allowed; only HS256 is accepted", "Sign tokens with HS256 and the project's JWT secret"],
  "FLUX-GW-AUTH-KID": ["The token names a key id (kid) this project does not have", "Project tokens are signed with the project secret and carry no kid"],
  "FLUX-GW-AUTH-SIGNATURE": ["The token's signature does not match this project's JWT secret", "Sign with the JWT secret of the project whose Service URL you call; after a rotation, use the new secret"],
  "FLUX-GW-AUTH-EXP-MISSING": ["The token has no exp (expiry) claim", "Tokens need a numeric exp claim"],
  "FLUX-GW-AUTH-CLAIM-INVALID": ["A registered claim of the token has the wrong type", "exp, nbf and iat must be numbers (seconds since the epoch)"],
  "FLUX-GW-AUTH-EXPIRED": ["The token has expired", "Sign a new token; check the clock of the signing system"],
  "FLUX-GW-AUTH-NOT-YET-VALID": ["The token is not valid yet (nbf or iat lies in the future)", "Check the clock of the system that signs tokens"],
  "FLUX-GW-ROLE-NOT-ALLOWED": ["The token's role claim is missing or not one of this project's allowed roles", "Sign tokens with one of the project's allowed roles"],
  "FLUX-GW-ROLE-FORBIDDEN": ["The token's role claim names a database role no token may ask for", "Use an application role such as anon or authenticated; the gateway chooses the database role"],
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

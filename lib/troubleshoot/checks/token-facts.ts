import { decodeJwt, decodeProtectedHeader } from "jose";

/** Header and claims of a token as plain facts for the evidence; never the token or its signature. */
export function describeToken(token: string, nowMs: number, leewaySeconds: number): string[] {
  const facts: string[] = [];
  try {
    const header = decodeProtectedHeader(token);
    facts.push(
      `token header: alg=${String(header.alg)}${header.kid === undefined ? "" : `, kid present`}${header.typ ? `, typ=${String(header.typ)}` : ""}`,
    );
  } catch {
    return ["token: not a compact JWS (three base64url parts separated by dots)"];
  }
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    return [...facts, "token claims: the payload is not a JSON object"];
  }
  const nowS = Math.floor(nowMs / 1000);
  const time = (name: "exp" | "nbf" | "iat") => {
    const value = claims[name];
    if (value === undefined) return `${name} missing`;
    if (typeof value !== "number") return `${name} is not a number`;
    const delta = value - nowS;
    return `${name}=${new Date(value * 1000).toISOString()} (${delta >= 0 ? `in ${delta} s` : `${-delta} s ago`})`;
  };
  facts.push(
    `token claims: role=${JSON.stringify(claims.role ?? null)}, sub=${typeof claims.sub === "string" ? "present" : "missing"}; ${time("exp")}, ${time("nbf")}, ${time("iat")}; gateway clock ${new Date(nowMs).toISOString()}, leeway ${leewaySeconds} s`,
  );
  return facts;
}

export function decodedClaims(token: string): Record<string, unknown> | null {
  try {
    return decodeJwt(token);
  } catch {
    return null;
  }
}

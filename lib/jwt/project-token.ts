import { SignJWT } from "jose";

/** Signs an HS256 project token the way an app (or `flux token create`) would. */
export async function signProjectToken(input: {
  secret: string;
  role: string;
  sub?: string;
  expiresInSeconds: number;
  extraClaims?: Record<string, unknown>;
}): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + input.expiresInSeconds;
  const jwt = new SignJWT({ ...input.extraClaims, role: input.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(exp);
  if (input.sub) jwt.setSubject(input.sub);
  const token = await jwt.sign(new TextEncoder().encode(input.secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

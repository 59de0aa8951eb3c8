import { SECRET_PLACEHOLDER } from "./placeholders";

export type AuthJsSnippets = {
  /** `.env.local` lines; the secret only when the viewer may see it. */
  env: string;
  /** `lib/flux-token.mjs`: plain ESM with one dependency (jose), so it runs in Next and in plain node alike. */
  mintModule: string;
  /** `app/api/flux-token/route.ts`: hands the signed-in user a Flux token. */
  route: string;
};

/**
 * An Auth.js (next-auth) app minting Flux tokens itself: HS256 with the project secret, `role`, `sub` = the
 * user's id, `exp` one hour ahead — exactly what the gateway verifies. `secret: null` renders a placeholder.
 */
export function authJsSnippets(input: { serviceUrl: string; secret: string | null; role?: string }): AuthJsSnippets {
  const role = input.role ?? "authenticated";
  return {
    env: [`FLUX_SERVICE_URL=${input.serviceUrl}`, `FLUX_JWT_SECRET=${input.secret ?? SECRET_PLACEHOLDER}`].join("\n"),
    mintModule: `// lib/flux-token.mjs: mints a Flux project token (HS256 with the project's JWT secret).
import { SignJWT } from "jose";

/** A Flux token for a signed-in user: role ${JSON.stringify(role)}, sub = the user's id, valid for one hour. */
export async function mintFluxToken(user, { role = ${JSON.stringify(role)}, expiresInSeconds = 3600 } = {}) {
  const secret = process.env.FLUX_JWT_SECRET;
  if (!secret || secret.startsWith("<")) throw new Error("FLUX_JWT_SECRET is not set: an owner can copy it from the project's JWT keys page");
  if (!user?.id) throw new Error("mintFluxToken needs a user with an id");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(user.id))
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}
`,
    route: `// app/api/flux-token/route.ts: the signed-in user's Flux token (Auth.js v5).
// In auth.ts, put the user's id on the session: callbacks: { session({ session, token }) { session.user.id = token.sub; return session; } }
import { auth } from "@/auth";
import { mintFluxToken } from "@/lib/flux-token.mjs";

export async function GET() {
  const session = await auth();
  if (!session?.user?.id) return Response.json({ error: "sign in first" }, { status: 401 });
  return Response.json({ token: await mintFluxToken(session.user), serviceUrl: process.env.FLUX_SERVICE_URL });
}

// In the browser: const { token, serviceUrl } = await (await fetch("/api/flux-token")).json();
// await fetch(\`\${serviceUrl}/todos\`, { headers: { Authorization: \`Bearer \${token}\` } });
`,
  };
}

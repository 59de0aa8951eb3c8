import type { NextAuthOptions } from "next-auth";
import { eq } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { getServerConfig } from "@/lib/api/server-config";
import { getServerDb } from "@/lib/api/server-db";
import type { FluxConfig } from "@/lib/config";
import { isPlatformRole } from "./platform-role";
import { signInProviders } from "./providers";

let options: NextAuthOptions | undefined;

/**
 * next-auth options, built on first use so importing this module (e.g. during `next build`) needs no config.
 * Credentials sign-in requires the "jwt" session strategy: the session is an encrypted cookie whose lifetime
 * is FLUX_SESSION_MAX_AGE_SECONDS. Sign-out is next-auth's POST with its CSRF token.
 */
export function getAuthOptions(): NextAuthOptions {
  options ??= buildAuthOptions(getServerConfig());
  return options;
}

export function buildAuthOptions(config: FluxConfig): NextAuthOptions {
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: config.FLUX_SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: config.FLUX_SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: signInProviders(config, getServerDb),
    callbacks: {
      /** GitHub / OIDC sign-in only for an existing Flux account with the same e-mail (no self sign-up). */
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        return (await fluxUserByEmail(user.email)) !== null;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "credentials") {
          token.userId = user.id;
          token.platformRole = user.platformRole;
        } else if (user && account) {
          const flux = await fluxUserByEmail(user.email);
          token.userId = flux?.id;
          token.platformRole = flux?.platformRole;
        }
        return token;
      },
      session({ session, token }) {
        const userId = typeof token.userId === "string" ? token.userId : "";
        const platformRole = isPlatformRole(token.platformRole) ? token.platformRole : "user";
        session.user = { ...session.user, id: userId, platformRole };
        return session;
      },
    },
  };
}

async function fluxUserByEmail(email: string | null | undefined) {
  if (!email) return null;
  const [row] = await getServerDb()
    .select({ id: users.id, platformRole: users.platformRole })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

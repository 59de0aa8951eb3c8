import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerConfig } from "@/lib/api/server-config";
import { getServerDb } from "@/lib/api/server-db";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { isPlatformRole } from "./platform-role";

/** Dashboard sessions end after a working day; the CLI uses personal access tokens instead. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let options: NextAuthOptions | undefined;

/**
 * next-auth options, built on first use so importing this module (e.g. during `next build`) needs no config.
 * Credentials sign-in requires the "jwt" session strategy: the session is an encrypted cookie.
 */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getServerConfig().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: {
          email: { label: "E-mail", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const user = await authenticateUser({ db: getServerDb() }, credentials.email, credentials.password);
          if (!user) return null;
          return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.platformRole = user.platformRole;
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
  return options;
}

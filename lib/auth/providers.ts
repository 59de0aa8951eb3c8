import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { FluxConfig } from "@/lib/config";
import type { Executor } from "@/lib/db";
import { authenticateUser } from "@/lib/users/authenticate-user";

type ProviderConfig = Pick<
  FluxConfig,
  | "FLUX_GITHUB_CLIENT_ID"
  | "FLUX_GITHUB_CLIENT_SECRET"
  | "FLUX_OIDC_ISSUER"
  | "FLUX_OIDC_CLIENT_ID"
  | "FLUX_OIDC_CLIENT_SECRET"
  | "FLUX_OIDC_NAME"
>;

/**
 * Sign-in providers: e-mail and password always; GitHub and one generic OIDC issuer when their variables are
 * set. Building a provider does no network I/O (OIDC discovery happens at sign-in), so tests can check the list.
 */
export function signInProviders(config: ProviderConfig, db: () => Executor): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await authenticateUser({ db: db() }, credentials.email, credentials.password);
        return user ? { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole } : null;
      },
    }),
  ];
  if (config.FLUX_GITHUB_CLIENT_ID && config.FLUX_GITHUB_CLIENT_SECRET) {
    providers.push(
      GitHubProvider({ clientId: config.FLUX_GITHUB_CLIENT_ID, clientSecret: config.FLUX_GITHUB_CLIENT_SECRET }),
    );
  }
  if (config.FLUX_OIDC_ISSUER && config.FLUX_OIDC_CLIENT_ID && config.FLUX_OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: config.FLUX_OIDC_NAME,
      type: "oauth",
      wellKnown: `${config.FLUX_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      issuer: config.FLUX_OIDC_ISSUER,
      clientId: config.FLUX_OIDC_CLIENT_ID,
      clientSecret: config.FLUX_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? null,
        platformRole: "user",
      }),
    });
  }
  return providers;
}

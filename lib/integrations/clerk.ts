import { SECRET_PLACEHOLDER } from "./placeholders";

export type ClerkSnippets = {
  /** The JWT template's claims JSON, pasted into Clerk → JWT templates → New template. */
  claims: string;
  /** The template's other settings, for the shared-secret (HS256) variant. */
  settings: string;
  /** Getting the token in the app and calling the Service URL. */
  client: string;
};

/** The name the snippets give the Clerk template; `getToken({ template })` must use the same. */
export const CLERK_TEMPLATE_NAME = "flux";

/**
 * A Clerk JWT template Flux accepts: Clerk itself sets `sub` (the Clerk user id), `exp` (the template's lifetime),
 * `iat` and `iss`; the template adds `role`, which the gateway requires and checks against the project's roles.
 * Signed HS256 with the project secret as Clerk's "custom signing key" (or RS256 with Clerk's own keys plus
 * `flux issuers add`, see jwks.ts).
 */
export function clerkSnippets(input: { serviceUrl: string; secret: string | null; role?: string }): ClerkSnippets {
  const claims = { role: input.role ?? "authenticated", email: "{{user.primary_email_address}}" };
  return {
    claims: JSON.stringify(claims, null, 2),
    settings: [
      `Name: ${CLERK_TEMPLATE_NAME}`,
      "Token lifetime: 60 seconds (Clerk sets exp; Flux requires it)",
      "Custom signing key: on",
      "Signing algorithm: HS256",
      `Signing key: ${input.secret ?? SECRET_PLACEHOLDER}`,
    ].join("\n"),
    client: `// In your app (React): a fresh token per request; Clerk caches it until shortly before exp.
const { getToken } = useAuth();
const token = await getToken({ template: "${CLERK_TEMPLATE_NAME}" });
const res = await fetch("${input.serviceUrl}/todos", { headers: { Authorization: \`Bearer \${token}\` } });
`,
  };
}

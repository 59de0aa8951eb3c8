import { CLERK_FRONTEND_API_PLACEHOLDER } from "./placeholders";

/** POSIX-shell quoting for one argument: values that need none stay readable. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `flux issuers add …` filled in for this project: the alternative to sharing the secret, where the provider
 * keeps signing with its own RS256 / ES256 keys and the gateway fetches them from the JWKS URL. Without an
 * issuer given, Clerk's shape is shown (iss = the Frontend API URL, keys at /.well-known/jwks.json).
 */
export function issuersAddCommand(input: {
  slug: string;
  issuer?: string;
  jwksUrl?: string;
  audience?: string;
}): string {
  const issuer = input.issuer ?? CLERK_FRONTEND_API_PLACEHOLDER;
  const jwksUrl = input.jwksUrl ?? `${issuer.replace(/\/+$/, "")}/.well-known/jwks.json`;
  const args = ["flux", "issuers", "add", "--project", input.slug, "--issuer", issuer, "--jwks-url", jwksUrl];
  if (input.audience !== undefined) args.push("--audience", input.audience);
  return args.map(shellQuote).join(" ");
}

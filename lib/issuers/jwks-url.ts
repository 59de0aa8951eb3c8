import { isIP } from "node:net";

export type JwksUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * A JWKS URL the gateway may fetch: https, no credentials, no fragment. Plain http is accepted only for a
 * loopback host and only when `allowLoopbackHttp` (FLUX_JWKS_ALLOW_LOOPBACK_HTTP=1, development and tests):
 * keys fetched over plain http from the network could be replaced in transit, and then anyone could mint tokens.
 */
export function checkJwksUrl(raw: string, options: { allowLoopbackHttp: boolean }): JwksUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "must be an absolute URL such as https://issuer.example.com/.well-known/jwks.json" };
  }
  if (url.username !== "" || url.password !== "")
    return { ok: false, message: "must not carry a user name or password" };
  if (url.hash !== "") return { ok: false, message: "must not carry a #fragment" };
  if (url.protocol === "https:") return { ok: true, url: url.toString() };
  if (url.protocol !== "http:") return { ok: false, message: `must use https (got ${url.protocol.replace(/:$/, "")})` };
  if (!isLoopbackHost(url.hostname)) {
    return { ok: false, message: "must use https: keys fetched over plain http could be swapped in transit" };
  }
  if (!options.allowLoopbackHttp) {
    return {
      ok: false,
      message:
        "must use https (plain http to a loopback host needs FLUX_JWKS_ALLOW_LOOPBACK_HTTP=1, for development only)",
    };
  }
  return { ok: true, url: url.toString() };
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1 — names that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

import { isProjectHash } from "./identifiers";
import { SLUG_PATTERN } from "./slug";

export type ServiceUrlParts = { slug: string; hash: string };
export type ParsedServiceHost = ServiceUrlParts & { form: "flattened" | "dotted" };

/** `http(s)://api--<slug>--<hash>.<base>[:port]` — the canonical, flattened Service URL. */
export function buildServiceUrl(
  parts: ServiceUrlParts & { baseDomain: string; scheme?: "http" | "https"; port?: number },
): string {
  const scheme = parts.scheme ?? "https";
  const defaultPort = scheme === "https" ? 443 : 80;
  const port = parts.port && parts.port !== defaultPort ? `:${parts.port}` : "";
  return `${scheme}://${serviceHostname(parts, parts.baseDomain)}${port}`;
}

export function serviceHostname(parts: ServiceUrlParts, baseDomain: string): string {
  return `api--${parts.slug}--${parts.hash}.${baseDomain}`;
}

/**
 * Host header → normalised hostname: port stripped, case folded, one trailing dot removed.
 * Returns null for anything that is not a plain DNS name (unicode, spaces, empty labels, brackets).
 */
export function normalizeHost(host: string): string | null {
  let name = host.trim().toLowerCase();
  const colon = name.lastIndexOf(":");
  if (colon !== -1) {
    if (!/^\d{1,5}$/.test(name.slice(colon + 1))) return null;
    name = name.slice(0, colon);
  }
  if (name.endsWith(".")) name = name.slice(0, -1);
  if (name.length === 0 || name.length > 253) return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name)) return null;
  return name;
}

/**
 * Parses a Service URL hostname under the base domain: flattened `api--<slug>--<hash>.<base>` or legacy
 * dotted `api.<slug>.<hash>.<base>`. Returns null when the host is not a Service URL of this base domain.
 */
export function parseServiceHost(host: string, baseDomain: string): ParsedServiceHost | null {
  const name = normalizeHost(host);
  const base = baseDomain.toLowerCase();
  if (!name || !name.endsWith(`.${base}`)) return null;
  const label = name.slice(0, -(base.length + 1));

  const flattened = /^api--(.+)--([0-9a-f]{7})$/.exec(label);
  if (flattened?.[1] && flattened[2] && !flattened[1].includes(".")) {
    return validParts(flattened[1], flattened[2], "flattened");
  }
  const dotted = /^api\.([^.]+)\.([0-9a-f]{7})$/.exec(label);
  if (dotted?.[1] && dotted[2]) return validParts(dotted[1], dotted[2], "dotted");
  return null;
}

function validParts(slug: string, hash: string, form: ParsedServiceHost["form"]): ParsedServiceHost | null {
  if (!SLUG_PATTERN.test(slug) || !isProjectHash(hash)) return null;
  return { slug, hash, form };
}

// Step 2 — turn the one Host of the request into the project served there, or refuse.
import type { IncomingMessage } from "node:http";
import { normalizeHost } from "@/lib/tenancy";
import type { ProjectDirectory, ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";

/**
 * Routing is a security decision, so ambiguity is refused rather than guessed: two Host headers (node keeps the
 * first), or an absolute-form request line naming another authority than Host, could make a cache or a proxy in
 * front of the gateway route on one name while we route on the other. Runs before anything looks at the host —
 * ops paths included. Returns the one Host value.
 */
export function unambiguousHost(req: IncomingMessage): string | undefined {
  const hostHeaders = hostHeaderValues(req);
  if (hostHeaders.length > 1) {
    throw badHost(
      "FLUX-GW-HOST-DUPLICATE",
      "The request carries more than one Host header",
      "Send exactly one Host header",
    );
  }
  const host = hostHeaders[0];
  const authority = absoluteFormAuthority(req.url ?? "");
  if (authority !== null && (host === undefined || comparable(authority) !== comparable(host))) {
    throw badHost(
      "FLUX-GW-HOST-MISMATCH",
      `The request line names '${printable(authority)}' but the Host header names '${printable(host ?? "")}'`,
      "Send an origin-form request line (a path) or make its authority equal the Host header",
    );
  }
  return host;
}

/** The one Host of the request as a normalised hostname (port stripped, case-folded, no trailing dot). */
export function requestHostname(req: IncomingMessage): string {
  const host = unambiguousHost(req);
  if (host === undefined || host.trim() === "") {
    throw badHost("FLUX-GW-HOST-MISSING", "The request has no Host header", "Send the Service URL's hostname as Host");
  }
  const hostname = normalizeHost(host);
  if (!hostname) {
    throw badHost(
      "FLUX-GW-HOST-INVALID",
      `The Host header '${printable(host)}' is not a valid hostname`,
      "Use the Service URL's hostname",
    );
  }
  return hostname;
}

/** Host and request-line authority compare as hostnames; what is not one (an IPv6 literal) compares as text. */
function comparable(authority: string): string {
  return normalizeHost(authority) ?? authority.trim().toLowerCase();
}

/** Resolves the project behind the request's host; only active projects are served. */
export async function resolveHost(req: IncomingMessage, directory: ProjectDirectory): Promise<ResolvedProject> {
  const hostname = requestHostname(req);
  const project = await directory.resolve(hostname).catch((cause: unknown) => {
    // Usually flux-system is unreachable (retryable); the cause goes to the log in case it is something else.
    throw new GatewayError({
      status: 503,
      code: "FLUX-GW-DIRECTORY-UNAVAILABLE",
      message: "The gateway cannot reach its project directory (flux-system) right now",
      hint: "Retry shortly; operators: check flux-system and GET /readyz",
      headers: { "Retry-After": "2" },
      cause,
    });
  });
  if (!project) {
    throw new GatewayError({
      status: 404,
      code: "FLUX-GW-404",
      message: `No project is served at host '${hostname}'`,
      hint: "Check the Service URL in the dashboard or `flux projects list`",
    });
  }
  if (project.status === "suspended") {
    throw new GatewayError({
      status: 423,
      code: "FLUX-GW-SUSPENDED",
      message: `The project at host '${hostname}' is suspended`,
      hint: "Resume the project in the dashboard or with `flux projects resume`",
    });
  }
  if (project.status !== "active") {
    throw new GatewayError({
      status: 503,
      code: "FLUX-GW-PROJECT-UNAVAILABLE",
      message: `The project at host '${hostname}' is not serving requests (status: ${project.status})`,
      hint:
        project.status === "provisioning"
          ? "Wait for provisioning to finish, then retry"
          : "See the project's page in the dashboard",
      headers: project.status === "provisioning" ? { "Retry-After": "5" } : {},
    });
  }
  return project;
}

/** req.headers folds duplicates away; the raw list still shows every Host the client sent. */
function hostHeaderValues(req: IncomingMessage): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined && name.toLowerCase() === "host") values.push(value);
  }
  return values;
}

/** `GET http://host:port/path HTTP/1.1` → `host:port`; null for the usual origin form (`GET /path`). */
function absoluteFormAuthority(requestTarget: string): string | null {
  if (requestTarget.startsWith("/")) return null;
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(requestTarget);
  if (!match) return "";
  const authority = match[1] ?? "";
  return authority.slice(authority.lastIndexOf("@") + 1);
}

function badHost(code: string, message: string, hint: string): GatewayError {
  return new GatewayError({ status: 400, code, message, hint });
}

/** Echoing a hostile header back is fine in JSON, but keep it short and free of control characters. */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?").slice(0, 100);
}

import { randomUUID } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import type { ResolvedProject } from "../directory/types";
import { roleNameOf, schemaNameOf } from "@/lib/tenancy";

/** An IncomingMessage as node's parser would build it, without a socket behind it (for step unit tests). */
export function stubRequest(
  input: { method?: string; url?: string; headers?: Array<[string, string]> } = {},
): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.method = input.method ?? "GET";
  req.url = input.url ?? "/";
  const raw = input.headers ?? [];
  req.rawHeaders = raw.flat();
  for (const [name, value] of raw) {
    const key = name.toLowerCase();
    // Same folding rule as node for the headers these tests use: first value wins for host/authorization.
    if (req.headers[key] === undefined) req.headers[key] = value;
  }
  return req;
}

export function stubResponse(req: IncomingMessage): ServerResponse {
  return new ServerResponse(req);
}

export async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
}

export async function stubProject(
  overrides: Partial<ResolvedProject> & { secret?: string } = {},
): Promise<ResolvedProject> {
  const { secret = "s".repeat(64), ...rest } = overrides;
  const tenantId = rest.tenantId ?? randomUUID();
  return {
    tenantId,
    slug: "demo-app",
    hash: "abc1234",
    plan: "free",
    status: "active",
    allowedRoles: ["anon", "authenticated"],
    rateLimitPerMinute: null,
    previousJwtSecretExpiresAt: null,
    anonymousAccess: false,
    corsOrigins: [],
    trustedIssuers: [],
    jwtKey: await hmacKey(secret),
    previousJwtKey: null,
    schema: schemaNameOf(tenantId),
    apiRole: roleNameOf(tenantId),
    ...rest,
  };
}

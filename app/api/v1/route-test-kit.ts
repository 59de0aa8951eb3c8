import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { projectMembers } from "@/drizzle/schema";
import { getServerConfig } from "@/lib/api/server-config";
import { getServerDb } from "@/lib/api/server-db";
import type { Actor, Ctx } from "@/lib/context";
import type { MemberRole } from "@/lib/projects/types";
import { createUser } from "@/lib/users/create-user";
import { POST as login } from "./auth/login/route";

/**
 * Helpers for in-process route tests: real handlers, real database (the integration global setup's),
 * requests built as NextRequest. Every test makes its own users and projects, so tests share no rows.
 */
type Params = Record<string, string>;
type Handler<P extends Params> = (req: NextRequest, context: { params: Promise<P> }) => Promise<Response>;
type Call<P extends Params> = {
  token?: string;
  cookie?: string;
  body?: unknown;
  params?: P;
  headers?: Record<string, string>;
};

export const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString("hex")}`;

export function testCtx(actor: Actor | null = null): Ctx {
  return { db: getServerDb(), config: getServerConfig(), actor, requestId: unique("req_test") };
}

export async function newUser(platformRole: Actor["platformRole"] = "user") {
  const email = `${unique("user")}@example.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const user = await createUser({ ctx: testCtx(), input: { email, password, platformRole } });
  return { ...user, password, actor: { userId: user.id, platformRole } satisfies Actor };
}

/** A user plus a PAT obtained through POST /api/v1/auth/login, the way the CLI gets one. */
export async function newSignedInUser(platformRole: Actor["platformRole"] = "user") {
  const user = await newUser(platformRole);
  const res = await call(login, "POST", "/api/v1/auth/login", { body: { email: user.email, password: user.password } });
  if (res.status !== 201) throw new Error(`login failed in test setup: ${JSON.stringify(res.body)}`);
  return { ...user, token: (res.body as { token: string }).token };
}

/** A dashboard session cookie for `userId`, encoded the way next-auth does. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const value = await encode({ token: { userId, sub: userId }, secret: getServerConfig().NEXTAUTH_SECRET });
  return `next-auth.session-token=${value}`;
}

export async function addMember(tenantId: string, userId: string, role: MemberRole): Promise<void> {
  await getServerDb().insert(projectMembers).values({ tenantId, userId, role });
}

export async function call<P extends Params>(handler: Handler<P>, method: string, path: string, options: Call<P> = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const req = new NextRequest(new URL(path, "http://localhost:3000"), {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
  // Routes without dynamic segments ignore params; those with them always get them from the test.
  const res = await handler(req, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as unknown) : null };
}

export type ErrorBody = { error: { code: string; message: string; requestId: string } };
export const errorOf = (body: unknown): ErrorBody["error"] => (body as ErrorBody).error;

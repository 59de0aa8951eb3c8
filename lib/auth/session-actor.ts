import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import type { Actor } from "@/lib/context";
import type { Executor } from "@/lib/db";
import { actorForUserId } from "./actor-for-user-id";

/**
 * The actor behind a dashboard session cookie on an API request. Reads the cookie from the request itself
 * (not next/headers), so handlers work the same when called in-process by tests.
 */
export async function actorFromSessionCookie(req: NextRequest, db: Executor, secret: string): Promise<Actor | null> {
  const token = await getToken({ req, secret });
  return token ? actorForUserId(db, token.userId) : null;
}

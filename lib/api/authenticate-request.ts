import type { NextRequest } from "next/server";
import type { FluxConfig } from "@/lib/config";
import type { Actor } from "@/lib/context";
import type { Executor } from "@/lib/db";
import { actorFromSessionCookie } from "@/lib/auth/session-actor";
import { authenticatePersonalAccessToken } from "@/lib/tokens/authenticate-personal-access-token";
import { FluxError } from "./errors";

export type Authentication = { actor: Actor | null; via: "token" | "session" | "none" };

/**
 * `Authorization: Bearer flux_pat_…` (the CLI) or the dashboard session cookie. A bearer token that does
 * not check out is refused outright rather than silently falling back to the cookie.
 */
export async function authenticateRequest(req: NextRequest, db: Executor, config: FluxConfig): Promise<Authentication> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const actor = match?.[1] ? await authenticatePersonalAccessToken({ db }, match[1]) : null;
    if (!actor) {
      throw new FluxError("unauthorized", "The access token is unknown, revoked or expired; run `flux login` again.");
    }
    return { actor, via: "token" };
  }
  const actor = await actorFromSessionCookie(req, db, config.NEXTAUTH_SECRET);
  return actor ? { actor, via: "session" } : { actor: null, via: "none" };
}

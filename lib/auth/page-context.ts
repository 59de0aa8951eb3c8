import { randomBytes } from "node:crypto";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getServerConfig } from "@/lib/api/server-config";
import { getServerDb } from "@/lib/api/server-db";
import type { Ctx } from "@/lib/context";
import { actorForUserId } from "./actor-for-user-id";
import { getAuthOptions } from "./options";

/** Context for a server-rendered dashboard page; no session (or a deleted user) → the login page. */
export async function getPageContextOrRedirect(): Promise<
  Ctx & { actor: NonNullable<Ctx["actor"]>; email: string | null }
> {
  const session = await getServerSession(getAuthOptions());
  const db = getServerDb();
  const actor = session ? await actorForUserId(db, session.user.id) : null;
  if (!session || !actor) redirect("/login");
  return {
    db,
    config: getServerConfig(),
    actor,
    requestId: `page_${randomBytes(9).toString("base64url")}`,
    email: session.user.email ?? null,
  };
}

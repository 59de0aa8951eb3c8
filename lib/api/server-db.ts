import { createDb, type DbHandle } from "@/lib/db";
import { getServerConfig } from "./server-config";

/** Kept on globalThis so Next's dev-mode module reloads reuse one pool instead of leaking a new one each time. */
const holder = globalThis as typeof globalThis & { __fluxWebDb?: DbHandle };

export function getServerDb(): DbHandle["db"] {
  holder.__fluxWebDb ??= createDb(getServerConfig().DATABASE_URL, { max: 10, applicationName: "flux-web" });
  return holder.__fluxWebDb.db;
}

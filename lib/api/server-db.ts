import { createDb, type DbHandle } from "@/lib/db";
import { getServerConfig } from "./server-config";

/** Kept on globalThis so Next's dev-mode module reloads reuse one pool instead of leaking a new one each time. */
const holder = globalThis as typeof globalThis & { __fluxWebDb?: DbHandle };

export function getServerDb(): DbHandle["db"] {
  holder.__fluxWebDb ??= createDb(getServerConfig().DATABASE_URL, { max: 10, applicationName: "flux-web" });
  return holder.__fluxWebDb.db;
}

/** Ends the pool (tests and orderly shutdown); the next getServerDb() opens a fresh one. */
export async function closeServerDb(): Promise<void> {
  const handle = holder.__fluxWebDb;
  holder.__fluxWebDb = undefined;
  await handle?.close();
}

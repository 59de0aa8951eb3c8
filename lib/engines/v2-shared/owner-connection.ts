import pg from "pg";
import { OwnerConnectionLimitError } from "@/lib/engines/push-limit-errors";
import type { TenantCredentials } from "@/lib/engines/types";
import { applyPushTimeouts } from "./push-timeouts";
import type { PushRules } from "./run-tenant-file";

/**
 * A connection logged in as the tenant's owner role with the plan's push timeouts set. When the login is
 * refused for a wrong password (28P01: the owner changed its own password in an earlier push), `repair` puts the
 * derived password back and the login is tried once more; a full owner CONNECTION LIMIT (53300) becomes an
 * error that names the limit.
 */
export async function connectOwner(
  credentials: TenantCredentials,
  rules: PushRules,
  repair: () => Promise<unknown>,
): Promise<pg.Client> {
  try {
    return await connectOnce(credentials, rules);
  } catch (error) {
    if (codeOf(error) !== "28P01") throw error;
    await repair();
    return connectOnce(credentials, rules);
  }
}

async function connectOnce(credentials: TenantCredentials, { plan, limits }: PushRules): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: credentials.ownerDatabaseUrl, application_name: "flux-migrate" });
  // A backend ended from outside (the push deadline, a restart) must fail the push, not crash the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    if (codeOf(error) === "53300" && /for role/.test(String((error as Error).message))) {
      throw new OwnerConnectionLimitError(credentials.ownerRole, limits.connectionLimit, plan);
    }
    throw error;
  }
  try {
    await applyPushTimeouts(client, limits);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

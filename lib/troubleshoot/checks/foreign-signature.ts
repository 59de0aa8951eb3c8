import { ne } from "drizzle-orm";
import { compactVerify } from "jose";
import { projects } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";

/** Enough for any real platform; past it the answer is "not found among the first N" rather than a slow scan. */
const MAX_PROJECTS_SCANNED = 5_000;

/**
 * Whether the token's signature verifies with the current or previous secret of ANY other project. Only a
 * yes/no leaves this function: which project signed it is never revealed to the caller.
 */
export async function signedByAnotherProject(
  db: Database,
  masterKey: string,
  tenantId: string,
  token: string,
): Promise<boolean> {
  const rows = await db
    .select({
      tenantId: projects.tenantId,
      current: projects.jwtSecretEncrypted,
      previous: projects.previousJwtSecretEncrypted,
    })
    .from(projects)
    .where(ne(projects.tenantId, tenantId))
    .limit(MAX_PROJECTS_SCANNED);
  for (const row of rows) {
    for (const sealed of [row.current, row.previous]) {
      if (!sealed) continue;
      if (await verifies(token, decryptSecret(sealed, masterKey, jwtSecretContext(row.tenantId)))) return true;
    }
  }
  return false;
}

/** Signature only (no claim checks): used to recognise whose secret signed a token. */
export async function verifies(token: string, secret: string): Promise<boolean> {
  try {
    await compactVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"] });
    return true;
  } catch {
    return false;
  }
}

import pg from "pg";
import type { TenantCredentials } from "@/lib/engines/types";
import { introspectSchema } from "@/lib/typegen/introspect-schema";
import type { SchemaDescription } from "@/lib/typegen/types";

/** Introspects the tenant schema logged in as the API role: the same view of it the data API has. */
export async function describeTenantSchema(credentials: TenantCredentials): Promise<SchemaDescription> {
  const client = new pg.Client({ connectionString: credentials.apiDatabaseUrl, application_name: "flux-typegen" });
  await client.connect();
  try {
    await client.query("begin read only");
    const description = await introspectSchema(client, credentials.schema);
    await client.query("commit");
    return description;
  } finally {
    await client.end();
  }
}

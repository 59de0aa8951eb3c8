import { eq } from "drizzle-orm";
import { backups } from "@/drizzle/schema";
import { newProject, type CreatedProject } from "@/app/api/v1/project-test-kit";
import { newSignedInUser, testCtx } from "@/app/api/v1/route-test-kit";
import { getServerDb } from "@/lib/api/server-db";
import { engineOf, engineProjectOf } from "@/lib/projects/engine";
import { withClient } from "@/tests/fixtures/tenant";

/** A signed-in owner with a real project holding a small `items` table (3 rows), ready to back up. */
export async function projectWithData(
  prefix = "bk",
): Promise<{ owner: Awaited<ReturnType<typeof newSignedInUser>>; project: CreatedProject }> {
  const owner = await newSignedInUser();
  const project = await newProject(owner, "free", prefix);
  await asOwner(
    project,
    `create table items (id serial primary key, name text not null, qty int not null);
    insert into items (name, qty) values ('apple', 1), ('pear', 22), ('plum', 333);
    create view item_names as select name from items;`,
  );
  return { owner, project };
}

/** Runs tenant SQL logged in as the project's owner role (search_path = its schema). */
export async function asOwner(project: { tenantId: string; plan: string; mode: string }, sql: string): Promise<void> {
  const ctx = testCtx();
  const engine = engineOf(ctx, "v2_shared");
  const creds = engine.getCredentials(
    engineProjectOf({ tenantId: project.tenantId, mode: "v2_shared", plan: "free" }, ctx.config.tenantDatabaseUrl),
  );
  await withClient(creds.ownerDatabaseUrl, async (client) => {
    await client.query(`set search_path = ${creds.schema}`);
    await client.query(sql);
  });
}

export async function backupRow(id: string) {
  const [row] = await getServerDb().select().from(backups).where(eq(backups.id, id));
  if (!row) throw new Error(`no backup ${id}`);
  return row;
}

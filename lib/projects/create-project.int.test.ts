import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { getServerConfig } from "@/lib/api/server-config";
import { newUser, testCtx, unique } from "@/app/api/v1/route-test-kit";
import { engineFor } from "@/lib/engines/registry";
import type { TenantEngine } from "@/lib/engines/types";
import { schemaNameOf } from "@/lib/tenancy";
import { createProject } from "./create-project";

afterAll(closeServerDb);

const realEngine = () =>
  engineFor("v2_shared", {
    tenantAdminUrl: getServerConfig().tenantDatabaseUrl,
    dataPlaneKey: getServerConfig().FLUX_DATA_PLANE_KEY,
    systemDatabaseUrl: getServerConfig().DATABASE_URL,
  });

/** The real engine, except provisioning fails after it has created the tenant's objects. */
function engineThatFailsAfterProvisioning(): TenantEngine {
  const engine = realEngine();
  return Object.assign(Object.create(engine) as TenantEngine, {
    async provisionProject(project: Parameters<TenantEngine["provisionProject"]>[0]) {
      await engine.provisionProject(project);
      throw new Error("simulated failure after the schema was created");
    },
  });
}

async function schemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: getServerConfig().tenantDatabaseUrl });
  await client.connect();
  try {
    return (await client.query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("createProject when provisioning fails", () => {
  it("leaves no project row and no tenant schema behind, and frees the slug", async () => {
    const owner = await newUser();
    const slug = unique("fails");
    const ctx = { ...testCtx(owner.actor), engines: () => engineThatFailsAfterProvisioning() };

    const error = await createProject({ ctx, input: { slug, plan: "free" } }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(FluxError);
    expect((error as FluxError).status).toBe(500);
    expect((error as FluxError).message).toMatch(
      new RegExp(`Provisioning project '${slug}' failed and was rolled back`),
    );
    expect((error as FluxError).message).not.toContain("simulated");

    expect(await getServerDb().select().from(projects).where(eq(projects.slug, slug))).toHaveLength(0);
    const [failed] = await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "project.provision_failed"), sql`${auditLog.details}->>'slug' = ${slug}`));
    expect(failed?.tenantId).toBeTruthy();
    expect(await schemaExists(schemaNameOf(failed?.tenantId ?? ""))).toBe(false);

    const retry = await createProject({ ctx: testCtx(owner.actor), input: { slug, plan: "free" } });
    expect(retry.status).toBe("active");
  });

  it("refuses v1_dedicated with 422 and the engine's explanation, keeping nothing", async () => {
    const owner = await newUser();
    const slug = unique("dedicated");
    const error = await createProject({
      ctx: testCtx(owner.actor),
      input: { slug, plan: "free", mode: "v1_dedicated" },
    }).catch((err: unknown) => err);
    expect((error as FluxError).status).toBe(422);
    expect((error as FluxError).message).toMatch(/v1_dedicated/);
    expect(await getServerDb().select().from(projects).where(eq(projects.slug, slug))).toHaveLength(0);
  });
});

describe("createProject placement", () => {
  it("puts new projects on the registered cluster and records the owner's membership", async () => {
    const owner = await newUser();
    const project = await createProject({
      ctx: testCtx(owner.actor),
      input: { slug: unique("placed"), plan: "free", name: "Placed" },
    });
    expect(project).toMatchObject({ clusterId: "local", ownerId: owner.id, mode: "v2_shared", name: "Placed" });
  });
});

import { afterAll, describe, expect, it, vi } from "vitest";
import { withClient } from "@/tests/fixtures/tenant";
import { engineOf, engineProjectOf } from "./engine";
import { auditRowsOf, closeLibCtx, libCtx, newActor, newOwnedProject } from "./owner-test-kit";
import { reconcileTenantRoles } from "./reconcile-tenant-roles";

vi.setConfig({ testTimeout: 120_000 });
afterAll(closeLibCtx);

describe("the worker's tenant role reconcile", () => {
  it("resets a role whose password and defaults a tenant changed as the API role, audits it, and then finds nothing to do", async () => {
    const project = await newOwnedProject(await newActor(), { prefix: "rr" });
    const untouched = await newOwnedProject(await newActor(), { prefix: "ru" });
    const ctx = libCtx();
    const creds = engineOf(ctx, "v2_shared").getCredentials(engineProjectOf(project, ctx.config.tenantDatabaseUrl));
    // What SQL running as the API role (a function called through /rpc) can do: lock rest out, lift its timeout.
    await withClient(creds.apiDatabaseUrl, (c) =>
      c.query("alter role current_user password 'mine'; alter role current_user set statement_timeout = 0"),
    );

    const first = await reconcileTenantRoles(ctx);
    expect(first.repaired).toContainEqual({
      slug: project.slug,
      repaired: [`password of ${creds.role}`, `settings of ${creds.role}`],
    });
    expect(first.repaired.map((r) => r.slug)).not.toContain(untouched.slug);
    const [audit] = await auditRowsOf(project.tenantId, "project.roles.repair");
    expect(audit).toMatchObject({ actorUserId: null, details: { slug: project.slug } });
    const settings = await withClient(ctx.config.tenantDatabaseUrl, (c) =>
      c.query<{ rolconfig: string[] }>("select rolconfig from pg_roles where rolname = $1", [creds.role]),
    );
    expect(settings.rows[0]?.rolconfig).toContain("statement_timeout=5s");

    const second = await reconcileTenantRoles(ctx);
    expect(second.repaired.map((r) => r.slug)).not.toContain(project.slug);
    expect(second.checked).toBeGreaterThanOrEqual(2);
  });
});

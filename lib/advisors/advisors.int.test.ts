import { afterAll, describe, expect, it } from "vitest";
import { auditRows } from "@/app/api/v1/project-test-kit";
import { POST as dismiss } from "@/app/api/v1/projects/[slug]/advisors/dismissals/route";
import { GET as list } from "@/app/api/v1/projects/[slug]/advisors/route";
import { addMember, call, errorOf, newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { asTenantSuperuser, brokenProject } from "@/lib/troubleshoot/testing/broken-project";
import { meetsThreshold, type ProjectAdvisorFinding } from "./list-project-advisors";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

/** The project's owner token: brokenProject's ctx carries the owner actor; the routes need a PAT, so sign in anew. */
const findingsOf = async (token: string, slug: string) =>
  call(list, "GET", `/api/v1/projects/${slug}/advisors`, { token, params: { slug } });

describe("advisors", () => {
  it("finds each lint in a fixture schema built to trip it, with level, category and a remediation", async () => {
    const p = await brokenProject("http://127.0.0.1:9");
    const s = p.schema;
    await p.push(`
      create table clean (id int primary key, owner_id text); alter table clean enable row level security;
      create policy own on clean using (owner_id = auth.uid());
      create table leaky (id int primary key, owner_id text); create policy own on leaky using (owner_id = auth.uid());
      create table locked (id int primary key); alter table locked enable row level security;
      create table uuidowned (id int primary key, owner_id uuid); alter table uuidowned enable row level security;
      create policy own on uuidowned using (owner_id::text = auth.uid());
      create table users_plain (id int primary key, password_hash text);
      create table nopk (v int);
      create table parent (id int primary key); create table child (id int primary key, parent_id int references parent (id));
      create function definer() returns int language sql security definer set search_path = ${s} as 'select 1';
      create function loose() returns int language sql as 'select 1';
      create view v_definer as select id from clean;
      create table hidden (id int primary key); revoke all on hidden from ${p.role};`);
    const misplaced = `misplaced_${p.project.hash}`;
    await asTenantSuperuser(
      `create table public.${misplaced} (id int primary key); grant select on public.${misplaced} to ${p.role};`,
    );
    try {
      const owner = await newSignedInUser();
      await addMember(p.project.tenantId, owner.id, "owner");
      const res = await findingsOf(owner.token, p.project.slug);
      expect(res.status).toBe(200);
      const findings = res.body as ProjectAdvisorFinding[];
      const byKey = new Map(findings.map((finding) => [finding.key, finding]));
      const expected: Array<[string, string, string]> = [
        [`rls_disabled_with_policies:${s}.leaky`, "error", "security"],
        [`rls_enabled_no_policy:${s}.locked`, "warn", "security"],
        [`policy_uuid_owner_vs_text_sub:${s}.uuidowned.owner_id`, "warn", "security"],
        [`secret_columns_without_rls:${s}.users_plain.password_hash`, "error", "security"],
        [`table_without_primary_key:${s}.nopk`, "info", "performance"],
        [`unindexed_foreign_key:${s}.child.child_parent_id_fkey`, "info", "performance"],
        [`security_definer_function:${s}.definer()`, "warn", "security"],
        [`function_search_path_mutable:${s}.loose()`, "warn", "security"],
        [`security_definer_view:${s}.v_definer`, "warn", "security"],
        [`object_in_public:public.${misplaced}`, "warn", "security"],
        [`tenant_role_cannot_use:${s}.hidden`, "warn", "security"],
      ];
      for (const [key, level, category] of expected) {
        expect(byKey.get(key), `${key} among ${[...byKey.keys()].join(", ")}`).toMatchObject({
          level,
          category,
          dismissed: false,
        });
        expect(byKey.get(key)?.remediation.length).toBeGreaterThan(10);
      }
      expect(byKey.get(`rls_disabled_with_policies:${s}.leaky`)?.remediation).toBe(
        `alter table "${s}"."leaky" enable row level security;`,
      );
      expect(findings.some((finding) => finding.object.includes(".clean") && finding.lint.startsWith("rls"))).toBe(
        false,
      );
    } finally {
      await asTenantSuperuser(`drop table public.${misplaced}`);
    }
  });

  it("finds nothing in a well-kept schema", async () => {
    const p = await brokenProject("http://127.0.0.1:9");
    await p.push(`create table notes (id int primary key, owner_id text not null); alter table notes enable row level security;
      create policy own on notes using (owner_id = auth.uid()) with check (owner_id = auth.uid());`);
    const owner = await newSignedInUser();
    await addMember(p.project.tenantId, owner.id, "owner");
    expect((await findingsOf(owner.token, p.project.slug)).body).toEqual([]);
  });

  it("dismisses a finding by key (audited), keeps it listed as dismissed, and leaves it out of --fail-on", async () => {
    const p = await brokenProject("http://127.0.0.1:9");
    await p.push("create table nopk (v int); alter table nopk enable row level security;");
    const developer = await newSignedInUser();
    await addMember(p.project.tenantId, developer.id, "developer");
    const before = (await findingsOf(developer.token, p.project.slug)).body as ProjectAdvisorFinding[];
    expect(meetsThreshold(before, "warn")).toBe(true);
    for (const finding of before) {
      const res = await call(dismiss, "POST", `/api/v1/projects/${p.project.slug}/advisors/dismissals`, {
        token: developer.token,
        params: { slug: p.project.slug },
        body: { key: finding.key },
      });
      expect(res.status).toBe(201);
    }
    const after = (await findingsOf(developer.token, p.project.slug)).body as ProjectAdvisorFinding[];
    expect(after.every((finding) => finding.dismissed)).toBe(true);
    expect(meetsThreshold(after, "warn")).toBe(false);
    expect((await auditRows(p.project.tenantId, "project.advisor.dismiss")).length).toBe(before.length);
  });

  it("lets support read but not dismiss, refuses a bad key (400) and hides the project from strangers (404)", async () => {
    const p = await brokenProject("http://127.0.0.1:9");
    const support = await newSignedInUser("support");
    expect((await findingsOf(support.token, p.project.slug)).status).toBe(200);
    const refused = await call(dismiss, "POST", `/api/v1/projects/${p.project.slug}/advisors/dismissals`, {
      token: support.token,
      params: { slug: p.project.slug },
      body: { key: "table_without_primary_key:x" },
    });
    expect(refused.status).toBe(403);
    const owner = await newSignedInUser();
    await addMember(p.project.tenantId, owner.id, "owner");
    const bad = await call(dismiss, "POST", `/api/v1/projects/${p.project.slug}/advisors/dismissals`, {
      token: owner.token,
      params: { slug: p.project.slug },
      body: { key: "nope" },
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).message).toMatch(/^key:/);
    const stranger = await newSignedInUser();
    expect((await findingsOf(stranger.token, p.project.slug)).status).toBe(404);
  });
});

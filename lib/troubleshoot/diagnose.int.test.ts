import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSignedInUser, testCtx } from "@/app/api/v1/route-test-kit";
import { getServerConfig } from "@/lib/api/server-config";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis, controlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { rateKey } from "@/gateway/ratelimit/redis";
import { bridgeKey, mintBridgeToken } from "@/lib/jwt";
import { call, startRest, type RunningRest } from "@/rest/testing/harness";
import { createBackup } from "@/lib/backups/create-backup";
import { verifyBackup } from "@/lib/backups/verify-backup";
import { backupTierLookup } from "./checks/backup";
import { diagnoseProjectRequest } from "./diagnose-project-request";
import { asTenantSuperuser, brokenProject, type BrokenProject } from "./testing/broken-project";

let api: RunningRest;

beforeAll(async () => {
  // One reload after a miss per hour, so a hand-applied table stays unknown (a stale cache).
  api = await startRest({}, { schemaCache: { missReloadIntervalMs: 3_600_000, missReloadsPerInterval: 1 } });
});

afterAll(async () => {
  await api?.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

const diagnose = (
  broken: BrokenProject,
  input: Record<string, unknown>,
  extra: Partial<Parameters<typeof diagnoseProjectRequest>[0]> = {},
) => diagnoseProjectRequest({ ctx: broken.ctx, slug: broken.project.slug, input, ...extra });

const NOTES = "create table notes (id int primary key, title text);";

describe("diagnosis of the broken setups the troubleshooting page describes", () => {
  it("missing schema grant → privileges, 42501, grant usage on the tenant schema", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(`${NOTES} revoke usage on schema "${p.schema}" from "${p.role}";`);
    const result = await diagnose(p, { request: "GET /notes?select=id", token: await p.token() });
    expect(result).toMatchObject({ layer: "privileges", code: "42501" });
    expect(result.fix[0]).toBe(`grant usage on schema "${p.schema}" to "${p.role}";`);
  });

  it("missing table grant → privileges, 42501, grant select on the table", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(`${NOTES} revoke select on notes from "${p.role}";`);
    const result = await diagnose(p, { request: "GET /notes", token: await p.token() });
    expect(result).toMatchObject({ layer: "privileges", code: "42501" });
    expect(result.fix[0]).toBe(`grant select on table "${p.schema}"."notes" to "${p.role}";`);
  });

  it("missing sequence grant on insert → privileges, 42501, grant usage on the serial's sequence", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(
      `create table notes (id serial primary key, title text); revoke usage, select on sequence notes_id_seq from "${p.role}";`,
    );
    const result = await diagnose(p, {
      request: `curl -X POST 'http://api--${p.project.slug}--${p.project.hash}.localhost:8080/notes' -H 'Content-Type: application/json' -d '{"title":"a"}'`,
      token: await p.token(),
    });
    expect(result).toMatchObject({ layer: "privileges", code: "42501" });
    expect(result.fix[0]).toBe(`grant usage, select on sequence ${p.schema}.notes_id_seq to "${p.role}";`);
  });

  it("table created in public → schema, with the alter table … set schema that moves it", async () => {
    const p = await brokenProject(api.baseUrl);
    const table = `misplaced_${p.project.hash}`;
    await asTenantSuperuser(`create table public.${table} (id int primary key)`);
    try {
      const result = await diagnose(p, { request: `GET /${table}`, token: await p.token() });
      expect(result).toMatchObject({ layer: "schema", code: "FLUX-DIAG-TABLE-IN-PUBLIC" });
      expect(result.fix[0]).toContain(`alter table "public"."${table}" set schema "${p.schema}";`);
    } finally {
      await asTenantSuperuser(`drop table public.${table}`);
    }
  });

  it("stale schema cache → schema, with the NOTIFY that reloads it", async () => {
    const p = await brokenProject(api.baseUrl);
    // Everything hand-applied (no NOTIFY); the first diagnoses load the data API's cache with notes only.
    await asTenantSuperuser(
      `create table "${p.schema}".notes (id int primary key); grant select on "${p.schema}".notes to "${p.role}";`,
    );
    expect((await diagnose(p, { request: "GET /notes", token: await p.token() })).layer).toBe("ok");
    // rest reloads once on its first miss; spend that reload so the next miss is served from the stale cache.
    const bridge = await mintBridgeToken(
      { role: p.role, tenant_id: p.project.tenantId, claims: {} },
      bridgeKey(getServerConfig().FLUX_BRIDGE_SECRET),
    );
    expect((await call(api.baseUrl, "/never_created", { token: bridge })).status).toBe(404);
    await asTenantSuperuser(
      `create table "${p.schema}".later (id int primary key); grant select on "${p.schema}".later to "${p.role}";`,
    );
    const result = await diagnose(p, { request: "GET /later", token: await p.token() });
    expect(result).toMatchObject({ layer: "schema", code: "FLUX-DIAG-SCHEMA-CACHE-STALE" });
    expect(result.fix[0]).toBe("notify pgrst, 'reload schema';");
  });

  it("RLS on with no policy for the command → rls, with a create policy for the tenant role", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(
      `create table notes (id int primary key, owner_id text); alter table notes enable row level security; insert into notes values (1, 'user-1');`,
    );
    const result = await diagnose(p, { request: "GET /notes", token: await p.token() });
    expect(result).toMatchObject({ layer: "rls", code: "FLUX-DIAG-RLS-NO-POLICY" });
    expect(result.fix[0]).toBe(
      `create policy "notes_select_own_rows" on "${p.schema}"."notes" for select to "${p.role}" using ("owner_id" = auth.uid());`,
    );
  });

  it("uuid owner column against a text sub → rls, RLS filtered 2 of 2 rows, and the column change", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(`create table notes (id int primary key, owner_id uuid not null);
      alter table notes enable row level security;
      create policy own on notes for select using (owner_id::text = auth.uid());
      insert into notes values (1, gen_random_uuid()), (2, gen_random_uuid());`);
    const result = await diagnose(p, {
      request: "GET /notes",
      token: await p.token({ role: "authenticated", sub: "user_2abcClerk" }),
    });
    expect(result).toMatchObject({ layer: "rls", code: "FLUX-DIAG-OWNER-UUID-SUB-TEXT" });
    expect(result.evidence.join("\n")).toContain("RLS filtered 2 of 2 rows");
    expect(result.fix).toContain(
      `alter table "${p.schema}"."notes" alter column "owner_id" type text using "owner_id"::text;`,
    );
  });

  it("a healthy request → ok, and the replay reports what RLS kept", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(`create table notes (id int primary key, owner_id text);
      alter table notes enable row level security;
      create policy own on notes for select using (owner_id = auth.uid());
      insert into notes values (1, 'user-1'), (2, 'user-2');`);
    const result = await diagnose(p, { request: "GET /notes?select=id", token: await p.token() });
    expect(result).toMatchObject({ layer: "ok", code: null, fix: [] });
    expect(result.evidence.join("\n")).toContain("RLS filtered 1 of 2 rows");
  });

  it("expired token → gateway_auth FLUX-GW-AUTH-EXPIRED, with the clock in the evidence", async () => {
    const p = await brokenProject(api.baseUrl);
    const result = await diagnose(p, {
      request: "GET /notes",
      token: await p.token(undefined, { expSecondsFromNow: -3_600 }),
    });
    expect(result).toMatchObject({ layer: "gateway_auth", code: "FLUX-GW-AUTH-EXPIRED" });
    expect(result.evidence.join("\n")).toMatch(/exp=.*s ago/);
    expect(result.fix.join("\n")).toContain(`flux token create --project ${p.project.slug}`);
  });

  it("token of another project → gateway_auth FLUX-GW-AUTH-SIGNATURE without revealing which project", async () => {
    const p = await brokenProject(api.baseUrl);
    const other = await brokenProject(api.baseUrl);
    const result = await diagnose(p, { request: "GET /notes", token: await other.token() });
    expect(result).toMatchObject({ layer: "gateway_auth", code: "FLUX-GW-AUTH-SIGNATURE" });
    const text = JSON.stringify(result);
    expect(text).toContain("ANOTHER Flux project");
    expect(text).not.toContain(other.project.slug);
    expect(text).not.toContain(other.project.hash);
  });

  it("wrong algorithm → gateway_auth FLUX-GW-AUTH-ALG", async () => {
    const p = await brokenProject(api.baseUrl);
    const result = await diagnose(p, { request: "GET /notes", token: await p.token(undefined, { alg: "HS512" }) });
    expect(result).toMatchObject({ layer: "gateway_auth", code: "FLUX-GW-AUTH-ALG" });
    expect(result.evidence.join("\n")).toContain("alg=HS512");
  });

  it("role claim not allowed → gateway_auth FLUX-GW-ROLE-NOT-ALLOWED, naming the allowed roles", async () => {
    const p = await brokenProject(api.baseUrl);
    const result = await diagnose(p, {
      request: "GET /notes",
      token: await p.token({ role: "service_role", sub: "x" }),
    });
    expect(result).toMatchObject({ layer: "gateway_auth", code: "FLUX-GW-ROLE-NOT-ALLOWED" });
    expect(result.fix[0]).toContain("anon, authenticated");
  });

  it("a host of another project → routing, without naming it; an unknown host → FLUX-GW-404", async () => {
    const p = await brokenProject(api.baseUrl);
    const other = await brokenProject(api.baseUrl);
    const foreign = await diagnose(p, {
      request: "GET /notes",
      host: `api--${other.project.slug}--${other.project.hash}.localhost`,
    });
    expect(foreign).toMatchObject({ layer: "routing", code: "FLUX-DIAG-HOST-OTHER-PROJECT" });
    expect(JSON.stringify(foreign.evidence)).not.toContain(other.project.tenantId);
    const unknown = await diagnose(p, { request: "GET /notes", host: "api.nope.0000000.localhost" });
    expect(unknown).toMatchObject({ layer: "routing", code: "FLUX-GW-404" });
    expect(unknown.evidence.join("\n")).toContain("legacy dotted Service URL");
  });

  it.skipIf(!process.env.REDIS_URL)("a used-up rate-limit window → rate_limit FLUX-GW-RATE-LIMITED", async () => {
    const p = await brokenProject(api.baseUrl);
    const now = Date.now();
    const key = rateKey(p.project.tenantId, now - (now % 60_000));
    await controlPlaneRedis(getServerConfig().REDIS_URL ?? "").set(key, "100000", "EX", 120);
    const result = await diagnose(p, { request: "GET /notes", token: await p.token() });
    expect(result).toMatchObject({ layer: "rate_limit", code: "FLUX-GW-RATE-LIMITED" });
    expect(result.fix.join("\n")).toContain(`flux projects limits ${p.project.slug} --requests-per-minute`);
  });

  it("a latest backup that is not restore-verified → backup, with the lookup's fix command", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(NOTES);
    const latestBackupTier = async (projectId: string) =>
      projectId === p.project.tenantId
        ? { tier: "not_restore_verified", id: "bkp_1", fix: `flux backup verify --project ${p.project.slug} --latest` }
        : null;
    const result = await diagnose(p, { request: "GET /notes", token: await p.token() }, { latestBackupTier });
    expect(result).toMatchObject({
      layer: "backup",
      code: "not_restore_verified",
      fix: [`flux backup verify --project ${p.project.slug} --latest`],
    });
  });

  it("the real backup catalogue: no backup, then one not restore-verified → backup; once verified → ok", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(NOTES);
    const latestBackupTier = backupTierLookup(p.ctx);
    const request = { request: "GET /notes", token: await p.token() };
    expect(await diagnose(p, request, { latestBackupTier })).toMatchObject({
      layer: "backup",
      code: "FLUX-DIAG-NO-BACKUP",
    });
    const { row } = await createBackup({ ctx: p.ctx, slug: p.project.slug });
    const unverified = await diagnose(p, request, { latestBackupTier });
    expect(unverified).toMatchObject({ layer: "backup", code: "not_restore_verified" });
    expect(unverified.fix[0]).toContain(`flux backup verify --project ${p.project.slug}`);
    expect(unverified.evidence.join("\n")).toContain(row.id);
    await verifyBackup({ ctx: p.ctx, slug: p.project.slug, ref: { latest: true } });
    expect(await diagnose(p, request, { latestBackupTier })).toMatchObject({ layer: "ok", code: null });
  });

  it("never commits: the replay and the probes leave the tenant's rows as they were", async () => {
    const p = await brokenProject(api.baseUrl);
    await p.push(`create table notes (id int primary key, owner_id text); alter table notes enable row level security;
      create policy own on notes for select using (owner_id = auth.uid()); insert into notes values (1, 'user-1');`);
    await diagnose(p, { request: "GET /notes", token: await p.token() });
    const client = new pg.Client({ connectionString: getServerConfig().tenantDatabaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`select count(*)::int as n from "${p.schema}".notes`);
      expect(rows[0]).toEqual({ n: 1 });
    } finally {
      await client.end();
    }
  });

  it("refuses a user who is not a member (404, the project's existence not revealed) and input with nothing to diagnose", async () => {
    const p = await brokenProject(api.baseUrl);
    const stranger = await newSignedInUser();
    await expect(
      diagnoseProjectRequest({
        ctx: { ...testCtx(stranger.actor) },
        slug: p.project.slug,
        input: { request: "GET /notes" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(diagnose(p, {})).rejects.toMatchObject({ code: "bad_request" });
    await expect(diagnose(p, { request: "curl 'http://x" })).rejects.toThrow(/unterminated single quote/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushMigrations } from "@/lib/migrations";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { bridgeTokenFor, call, startRest, type RunningRest } from "./testing/harness";

let tenant: TestTenant;
let api: RunningRest;
let token: string;
beforeAll(async () => {
  tenant = await provisionTestTenant();
  api = await startRest();
  token = await bridgeTokenFor(api.config, tenant);
});
afterAll(async () => {
  await api?.close();
  await tenant?.cleanup();
});

const push = (files: Record<string, string>) =>
  pushMigrations({
    engine: tenant.engine,
    project: tenant.project,
    files: Object.entries(files).map(([fileName, sql]) => ({ fileName, sql })),
    dryRun: false,
    force: false,
    actorUserId: null,
  });

describe("flux push, then the data API (no manual reload, default grant policy)", () => {
  it("serves a table, a view and a function right after the push that created them, to the tenant's API role", async () => {
    // The data API has cached the schema before the push, so the push must make it reload.
    expect((await call(api.baseUrl, "/notes", { token })).status).toBe(404);
    await push({
      "0001_notes.sql": "create table notes (id serial primary key, body text not null);",
      "0002_views.sql":
        "create view note_bodies as select body from notes; create function note_count() returns int language sql stable as $$ select count(*)::int from notes $$;",
    });
    const inserted = await call(api.baseUrl, "/notes", {
      token,
      method: "POST",
      body: JSON.stringify({ body: "hello" }),
      headers: { prefer: "return=representation" },
    });
    expect(inserted.status).toBe(201);
    expect(inserted.json()).toEqual([{ id: 1, body: "hello" }]);
    expect((await call(api.baseUrl, "/note_bodies", { token })).json()).toEqual([{ body: "hello" }]);
    expect((await call(api.baseUrl, "/rpc/note_count", { token })).json()).toBe(1);
  });

  it("serves a column added by a later push", async () => {
    await push({ "0003_done.sql": "alter table notes add column done boolean not null default false;" });
    const res = await call(api.baseUrl, "/notes?select=id,done", { token });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([{ id: 1, done: false }]);
  });
});

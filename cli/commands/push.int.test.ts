import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/v1/projects/[slug]/migrations/route";
import { newProject } from "@/app/api/v1/project-test-kit";
import { addMember, newSignedInUser } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveProjectRoutes } from "../testing/serve-routes";

// Each test starts the real CLI (node + tsx) several times: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let server: http.Server;
beforeAll(async () => {
  server = await serveProjectRoutes({ "GET migrations": GET, "POST migrations": POST });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

function migrationDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "flux-migrations-"));
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}
type PushJson = { dryRun: boolean; files: { fileName: string; status: string }[] };

describe("flux push and flux migrations list", () => {
  it("applies a directory in order, reports the rest as applied, dry-runs and refuses a changed file", async () => {
    const owner = await newSignedInUser();
    const { slug } = await newProject(owner);
    const dir = migrationDir({
      "0002_seed.sql": "insert into notes (body) values ('hello');",
      "0001_notes.sql": "create table notes (id serial primary key, body text);",
      "README.md": "not a migration",
    });
    const pushed = await runFlux(server, ["push", "--project", slug, "--dir", dir, "--json"], owner.token);
    expect(pushed.stderr).toBe("");
    expect(pushed.code).toBe(0);
    expect((JSON.parse(pushed.stdout) as PushJson).files.map((f) => [f.fileName, f.status])).toEqual([
      ["0001_notes.sql", "applied"],
      ["0002_seed.sql", "applied"],
    ]);

    writeFileSync(path.join(dir, "0003_more.sql"), "alter table notes add column done boolean not null default false;");
    const dry = await runFlux(server, ["push", "--project", slug, "--dir", dir, "--dry-run"], owner.token);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/0003\s+0003_more\.sql\s+would apply/);
    expect(dry.stdout).toMatch(/Dry run: 1 migration\(s\) would be applied/);

    const listedBefore = JSON.parse((await runFlux(server, ["migrations", "list", "--project", slug, "--json"], owner.token)).stdout) as { version: string }[];
    expect(listedBefore.map((m) => m.version)).toEqual(["0001", "0002"]);

    const human = await runFlux(server, ["push", "--project", slug, "--dir", dir], owner.token);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/0001\s+0001_notes\.sql\s+already applied/);
    expect(human.stdout).toMatch(/Applied 1 migration\(s\) to /);

    writeFileSync(path.join(dir, "0001_notes.sql"), "create table notes (id bigserial primary key, body text);");
    const refused = await runFlux(server, ["push", "--project", slug, "--dir", dir], owner.token);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/0001_notes\.sql has changed since it was applied/);
    expect(refused.stderr).toMatch(/--force/);

    const listed = await runFlux(server, ["migrations", "list", "--project", slug], owner.token);
    expect(listed.stdout).toMatch(/VERSION\s+NAME\s+CHECKSUM\s+APPLIED/);
    expect(listed.stdout).toMatch(/0003\s+more\s+[0-9a-f]{12}/);
  });

  it("pushes one file with --file", async () => {
    const owner = await newSignedInUser();
    const { slug } = await newProject(owner);
    const dir = migrationDir({ "0001_one.sql": "create table one (id int);" });
    const res = await runFlux(server, ["push", "--project", slug, "--file", path.join(dir, "0001_one.sql"), "--json"], owner.token);
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as PushJson).files).toMatchObject([{ fileName: "0001_one.sql", status: "applied" }]);
  });

  it.each([
    ["a missing directory", () => path.join(os.tmpdir(), "flux-no-such-dir"), /Migration directory .* was not found/],
    ["an empty directory", () => migrationDir({ "notes.txt": "x" }), /has no \.sql files/],
    ["a bad file name", () => migrationDir({ "create_notes.sql": "select 1" }), /create_notes\.sql: the name must be NNNN_name\.sql/],
    ["duplicate versions", () => migrationDir({ "0001_a.sql": "select 1", "0001_b.sql": "select 2" }), /version 0001 is also used by/],
    ["a NUL byte", () => migrationDir({ "0001_a.sql": "select 1\0" }), /0001_a\.sql: contains a NUL byte/],
    ["a file over 1 MiB", () => migrationDir({ "0001_big.sql": `select '${"x".repeat(1_048_577)}'` }), /0001_big\.sql: is \d+ bytes; the limit is 1048576/],
  ])("refuses %s before sending anything (exit 1, nothing applied)", async (_what, makeDir, message) => {
    const owner = await newSignedInUser();
    const { slug } = await newProject(owner);
    const res = await runFlux(server, ["push", "--project", slug, "--dir", makeDir()], owner.token);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(message);
    const listed = JSON.parse((await runFlux(server, ["migrations", "list", "--project", slug, "--json"], owner.token)).stdout) as unknown[];
    expect(listed).toEqual([]);
  });

  it("tells a viewer they may not push (exit 1, 403 message)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const viewer = await newSignedInUser();
    await addMember(project.tenantId, viewer.id, "viewer");
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "flux-viewer-")), "flux", "migrations");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "0001_a.sql"), "create table a (id int);");
    const res = await runFlux(server, ["push", "--project", project.slug, "--dir", dir], viewer.token);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Only a project owner or developer may push migrations/);
  });
});

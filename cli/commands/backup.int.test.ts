import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as download } from "@/app/api/v1/projects/[slug]/backups/[id]/download/route";
import { POST as restore } from "@/app/api/v1/projects/[slug]/backups/[id]/restore/route";
import { POST as verify } from "@/app/api/v1/projects/[slug]/backups/[id]/verify/route";
import { GET as list, POST as create } from "@/app/api/v1/projects/[slug]/backups/route";
import { DELETE as nuke } from "@/app/api/v1/projects/[slug]/route";
import { newProject } from "@/app/api/v1/project-test-kit";
import { newSignedInUser, unique } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { asOwner } from "@/lib/backups/backup-test-kit";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { runFlux, serveRoutes } from "../testing/serve-routes";

// Each test starts the real CLI (node + tsx) several times: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let server: http.Server;
beforeAll(async () => {
  const p = "/api/v1/projects/:slug";
  server = await serveRoutes([
    { method: "GET", pattern: `${p}/backups`, handler: list },
    { method: "POST", pattern: `${p}/backups`, handler: create },
    { method: "POST", pattern: `${p}/backups/:id/verify`, handler: verify },
    { method: "GET", pattern: `${p}/backups/:id/download`, handler: download },
    { method: "POST", pattern: `${p}/backups/:id/restore`, handler: restore },
    { method: "DELETE", pattern: p, handler: nuke },
  ]);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

const ROW_KEYS = ["id", "tier", "label", "kind", "sizeBytes", "sha256", "artifactPath", "createdAt", "verifiedAt"];

describe("flux backup | flux nuke", () => {
  it("create, list, verify, download -o, restore --into and nuke, all with --json, gated on the tier", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free", "cli-bk");
    await asOwner(project, "create table t (id int primary key); insert into t values (1), (2);");
    const flux = (...args: string[]) => runFlux(server, args, owner.token);

    const created = await flux("backup", "create", "--project", project.slug, "--json");
    expect(created.code).toBe(0);
    expect(created.stderr).toBe("");
    const row = JSON.parse(created.stdout) as Record<string, unknown>;
    for (const key of ROW_KEYS) expect(row).toHaveProperty(key);
    expect(row.tier).toBe("not_restore_verified");

    const refused = await flux("nuke", "--project", project.slug, "--yes");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not_restore_verified.*flux backup verify --project/);

    const listed = await flux("backup", "list", "--project", project.slug, "--verbose");
    expect(listed.stdout).toMatch(new RegExp(`${row.id as string}\\s+not_restore_verified`));
    expect(listed.stdout).toContain(row.artifactPath as string);
    expect(listed.stdout).toMatch(/next: flux backup verify --project/);

    const both = await flux("backup", "verify", "--project", project.slug, "--latest", "--id", row.id as string);
    expect(both.code).toBe(2);
    const verified = await flux("backup", "verify", "--project", project.slug, "--latest", "--json");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ backup: { id: row.id, tier: "restorable" }, problems: [] });

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "flux-dl-")), "out.dump");
    const downloaded = await flux(
      "backup",
      "download",
      "--project",
      project.slug,
      "--id",
      row.id as string,
      "-o",
      file,
      "--json",
    );
    expect(downloaded.code).toBe(0);
    expect(JSON.parse(downloaded.stdout)).toMatchObject({ id: row.id, sha256: row.sha256, file });
    expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(row.sha256);

    const into = unique("cli-rs");
    const restored = await flux(
      "backup",
      "restore",
      "--project",
      project.slug,
      "--id",
      row.id as string,
      "--into",
      into,
      "--json",
    );
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ project: { slug: into }, fromBackup: row.id });

    const deleted = await flux("nuke", "--project", project.slug, "--yes", "--json");
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ slug: project.slug, deleted: true, backupCheckSkipped: false });
  });

  it("refuses to write the archive to a terminal, and nuke without --yes off a terminal; --skip-backup-check warns", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner, "free", "cli-bt");
    await runFlux(server, ["backup", "create", "--project", project.slug], owner.token);
    const tty = await onTerminal(["backup", "download", "--project", project.slug, "--latest"], owner.token);
    expect(tty).toMatch(/Refusing to write a binary pg_dump -Fc archive to the terminal/);
    expect(tty).toMatch(new RegExp(`-o \\./${project.slug}\\.dump`));

    const unconfirmed = await runFlux(server, ["nuke", "--project", project.slug], owner.token);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/Pass --yes/);

    const skipped = await runFlux(
      server,
      ["nuke", "--project", project.slug, "--yes", "--skip-backup-check"],
      owner.token,
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/warning: .*without a restorable backup/);
  });
});

/** Runs the CLI with stdout on a pseudo-terminal (util-linux `script`) and returns what it printed. */
function onTerminal(args: string[], token: string): Promise<string> {
  const env = {
    ...process.env,
    FLUX_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    FLUX_TOKEN: token,
  };
  const command = ["node", "cli/bin.mjs", ...args].map((a) => `'${a}'`).join(" ");
  return new Promise((resolve) => {
    execFile("script", ["-qec", command, "/dev/null"], { env, timeout: 60_000 }, (_error, stdout, stderr) =>
      resolve(stdout + stderr),
    );
  });
}

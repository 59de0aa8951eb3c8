import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/projects/[slug]/limits/route";
import { POST as create } from "@/app/api/v1/projects/route";
import { call, newSignedInUser, unique } from "@/app/api/v1/route-test-kit";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";

/** Serves the real PATCH handler over HTTP, so the CLI talks to the route exactly as it does in production. */
function serveLimitsRoute(): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const slug = /^\/api\/v1\/projects\/([^/]+)\/limits$/.exec(req.url ?? "")?.[1];
    if (req.method !== "PATCH" || !slug) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new NextRequest(new URL(req.url ?? "/", "http://localhost"), { method: "PATCH", headers, body: Buffer.concat(chunks) });
    const answer = await PATCH(request, { params: Promise.resolve({ slug: decodeURIComponent(slug) }) });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(await answer.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: http.Server;
beforeAll(async () => {
  server = await serveLimitsRoute();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeServerDb();
  await closeControlPlaneRedis();
});

function flux(args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    FLUX_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    FLUX_TOKEN: token,
    XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), "flux-cli-")),
  };
  return new Promise((resolve) => {
    execFile("node", ["cli/bin.mjs", ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("flux projects limits", () => {
  it("sets a limit and prints JSON, then --reset goes back to the plan's default", async () => {
    const owner = await newSignedInUser();
    const slug = unique("clilim");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });

    const set = await flux(["projects", "limits", slug, "--requests-per-minute", "250", "--json"], owner.token);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ slug, requestsPerMinute: 250, effectiveRequestsPerMinute: 250 });

    const reset = await flux(["projects", "limits", slug, "--reset"], owner.token);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(`${slug}: plan default of 20 requests per minute`);
  });

  it("refuses a bad value before calling the API, and reports the API's refusal for a non-owner", async () => {
    const owner = await newSignedInUser();
    const stranger = await newSignedInUser();
    const slug = unique("clilim");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });

    const bad = await flux(["projects", "limits", slug, "--requests-per-minute", "0"], owner.token);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--requests-per-minute "0" is not a whole number from 1 to 1000000/);

    const foreign = await flux(["projects", "limits", slug, "--requests-per-minute", "999999"], stranger.token);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/No project/);
  });
});

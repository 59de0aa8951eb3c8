import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRest, type RunningRest } from "@/rest/testing/harness";
import { runDoctor } from "./run-doctor";
import type { DoctorRow } from "./types";

let api: RunningRest;
let squatter: net.Server;
let squattedPort: number;

beforeAll(async () => {
  api = await startRest();
  squatter = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => squatter.listen(0, "0.0.0.0", resolve));
  squattedPort = (squatter.address() as AddressInfo).port;
});
afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => squatter.close(resolve));
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "0.0.0.0", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const statusOf = (rows: DoctorRow[], check: string) => rows.find((row) => row.check === check)?.status;
const env = (extra: Record<string, string | undefined>) => ({ ...process.env, ...extra });

describe("flux doctor's checks against the real services", () => {
  it("passes flux-system, migrations, pg_dump/pg_restore and a ready data API", async () => {
    const rows = await runDoctor(env({ FLUX_REST_URL: api.baseUrl, FLUX_GATEWAY_PORT: String(await freePort()) }));
    expect(statusOf(rows, "gateway_port")).toBe("PASS");
    expect(statusOf(rows, "config")).toBe("PASS");
    expect(statusOf(rows, "flux_system")).toBe("PASS");
    expect(statusOf(rows, "flux_system_migrated")).toBe("PASS");
    expect(statusOf(rows, "pg_dump")).toBe("PASS");
    expect(statusOf(rows, "pg_restore")).toBe("PASS");
    expect(statusOf(rows, `upstream ${api.baseUrl}`)).toBe("PASS");
    expect(statusOf(rows, `clock rest ${api.baseUrl}`)).toBe("PASS");
    expect(statusOf(rows, "redis")).toBe(process.env.REDIS_URL ? "PASS" : "WARN");
  });

  it("fails a data API that does not answer and a gateway port held by another process", async () => {
    const rows = await runDoctor(env({ FLUX_REST_URL: "http://127.0.0.1:9", FLUX_GATEWAY_PORT: String(squattedPort) }));
    expect(rows.find((row) => row.check === "upstream http://127.0.0.1:9")).toMatchObject({ status: "FAIL" });
    expect(rows.find((row) => row.check === "gateway_port")).toMatchObject({ status: "FAIL" });
  });

  it("warns without Redis (rate limits per instance) and fails an unmigrated flux-system", async () => {
    const rows = await runDoctor(env({ REDIS_URL: undefined, DATABASE_URL: process.env.FLUX_TENANT_DATABASE_URL }));
    expect(rows.find((row) => row.check === "redis")).toMatchObject({ status: "WARN" });
    expect(rows.find((row) => row.check === "redis")?.detail).toMatch(/per gateway instance/);
    expect(rows.find((row) => row.check === "flux_system_migrated")).toMatchObject({ status: "FAIL" });
  });

  it("stops at a configuration that does not parse, naming the variable", async () => {
    const rows = await runDoctor(env({ FLUX_BRIDGE_SECRET: "short" }));
    expect(rows).toEqual([expect.objectContaining({ check: "config", status: "FAIL" })]);
    expect(rows[0]?.detail).toContain("FLUX_BRIDGE_SECRET");
  });
});

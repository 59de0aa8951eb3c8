import { describe, expect, it } from "vitest";
import { engineFor } from "./registry";

const deps = {
  tenantAdminUrl: "postgres://postgres@127.0.0.1:5432/flux_tenants",
  dataPlaneKey: "k",
  systemDatabaseUrl: "postgres://postgres@127.0.0.1:5432/flux",
};
const project = {
  tenantId: "5ecfa3ab-72d1-4c3e-9a8b-0123456789ab",
  plan: "enterprise" as const,
  clusterDatabaseUrl: deps.tenantAdminUrl,
};

describe("engineFor", () => {
  it("chooses the engine by mode, never by plan", () => {
    expect(engineFor("v2_shared", deps).mode).toBe("v2_shared");
    expect(engineFor("v1_dedicated", deps).mode).toBe("v1_dedicated");
  });

  it("refuses v1_dedicated work with a message that says what to do", async () => {
    const engine = engineFor("v1_dedicated", deps);
    await expect(engine.provisionProject({ ...project, mode: "v1_dedicated" })).rejects.toThrow(
      /v1_dedicated projects need the container engine.*create the project with mode v2_shared/,
    );
    expect(() => engine.getCredentials({ ...project, mode: "v1_dedicated" })).toThrow(/container engine/);
  });

  it("refuses to serve a project of another cluster database from the configured one", () => {
    const engine = engineFor("v2_shared", deps);
    expect(() =>
      engine.getCredentials({ ...project, mode: "v2_shared", clusterDatabaseUrl: "postgres://127.0.0.1:5432/other" }),
    ).toThrow(/configure the engine with that cluster's admin URL/);
  });
});

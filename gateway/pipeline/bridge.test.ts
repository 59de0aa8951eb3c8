import { describe, expect, it } from "vitest";
import { bridgeKey, verifyBridgeToken } from "@/lib/jwt";
import { stubProject } from "../testing/stubs";
import { mintBridge } from "./bridge";

const key = bridgeKey("bridge-secret-".padEnd(64, "b"));

describe("bridge step", () => {
  it("carries the project's tenant role and tenant_id, and the client's claims only as claims", async () => {
    const project = await stubProject();
    const token = await mintBridge(project, { role: "authenticated", sub: "u1", exp: 1 }, key);
    const bridge = await verifyBridgeToken(token, key);
    expect(bridge.role).toBe(project.apiRole);
    expect(bridge.role).toMatch(/^t_[0-9a-f]{12}_role$/);
    expect(bridge.tenant_id).toBe(project.tenantId);
    expect(bridge.claims).toMatchObject({ role: "authenticated", sub: "u1" });
  });

  it("never lets a client role claim such as postgres choose the database role", async () => {
    const project = await stubProject();
    const bridge = await verifyBridgeToken(await mintBridge(project, { role: "postgres" }, key), key);
    expect(bridge.role).toBe(project.apiRole);
  });
});

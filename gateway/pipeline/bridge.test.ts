import { describe, expect, it } from "vitest";
import { bridgeKey, verifyBridgeToken } from "@/lib/jwt";
import { stubProject } from "../testing/stubs";
import { decodeJwt } from "jose";
import { BRIDGE_REUSE_SECONDS, createBridgeMinter, importBridgeSigningKey, mintBridge } from "./bridge";

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

describe("bridge token shape", () => {
  it("is { role, tenant_id, claims, plan, iat, exp ≤ 5 min, aud, iss } signed with the cached CryptoKey", async () => {
    const secret = "bridge-secret-".padEnd(64, "c");
    const project = await stubProject();
    const token = await mintBridge(project, { role: "anon" }, await importBridgeSigningKey(secret));
    const payload = decodeJwt(token);
    expect(Object.keys(payload).sort()).toEqual(["aud", "claims", "exp", "iat", "iss", "plan", "role", "tenant_id"]);
    expect(payload).toMatchObject({
      iss: "flux-gateway",
      aud: "flux-rest",
      role: project.apiRole,
      tenant_id: project.tenantId,
      plan: project.plan,
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(300);
    await expect(verifyBridgeToken(token, bridgeKey(secret))).resolves.toMatchObject({ role: project.apiRole });
  });

  it("refuses to mint for a project record whose role does not derive from its tenant_id", async () => {
    const project = await stubProject({ apiRole: "postgres" });
    await expect(mintBridge(project, {}, key)).rejects.toMatchObject({ status: 500 });
  });
});

describe("bridge token reuse (createBridgeMinter)", () => {
  const signingKey = importBridgeSigningKey("bridge-secret-".padEnd(64, "d"));

  it("hands the same token to the same tenant and claims within the reuse window, a new one after it", async () => {
    let now = Date.now();
    const mint = createBridgeMinter(signingKey, { now: () => now });
    const project = await stubProject();
    const first = await mint(project, { role: "authenticated", sub: "u1" });
    expect(await mint(project, { role: "authenticated", sub: "u1" })).toBe(first);
    now += BRIDGE_REUSE_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a fresh token has a later iat
    expect(await mint(project, { role: "authenticated", sub: "u1" })).not.toBe(first);
  });

  it("never hands one user's or tenant's bridge token to another (claims confusion)", async () => {
    const mint = createBridgeMinter(signingKey);
    const projectA = await stubProject();
    const projectB = await stubProject();
    const forA = await mint(projectA, { role: "authenticated", sub: "u1" });
    const otherUser = decodeJwt(await mint(projectA, { role: "authenticated", sub: "u2" }));
    const otherTenant = decodeJwt(await mint(projectB, { role: "authenticated", sub: "u1" }));
    expect(otherUser.claims).toMatchObject({ sub: "u2" });
    expect(otherTenant).toMatchObject({ tenant_id: projectB.tenantId, role: projectB.apiRole });
    expect(decodeJwt(forA)).toMatchObject({ tenant_id: projectA.tenantId });
  });

  it("reads frozen claims' JSON once, yet an unfrozen claims object changed in place gets its own token", async () => {
    const mint = createBridgeMinter(signingKey);
    const project = await stubProject();
    const frozen = Object.freeze({ role: "authenticated", sub: "u1" });
    const first = await mint(project, frozen);
    expect(await mint(project, frozen)).toBe(first);
    const mutable: Record<string, unknown> = { role: "authenticated", sub: "u1" };
    expect(await mint(project, mutable)).toBe(first);
    mutable.sub = "u2";
    expect(decodeJwt(await mint(project, mutable)).claims).toMatchObject({ sub: "u2" });
  });

  it("re-checks the project record on every call, also when a token could be reused", async () => {
    const mint = createBridgeMinter(signingKey);
    const project = await stubProject();
    await mint(project, { role: "anon" });
    await expect(mint({ ...project, apiRole: "postgres" }, { role: "anon" })).rejects.toMatchObject({ status: 500 });
  });
});

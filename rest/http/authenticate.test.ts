import type { IncomingMessage } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { bridgeKey, createBridgeVerifier, mintBridgeToken } from "@/lib/jwt";
import { newTenantId, ownerRoleNameOf, roleNameOf, schemaNameOf } from "@/lib/tenancy";
import { authenticate } from "./authenticate";

const secret = "bridge-secret-for-unit-tests-0123456789";
const key = bridgeKey(secret);
const verifier = createBridgeVerifier(secret);
const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;
const bearer = async (role: string, tenantId: string, signingKey = key) =>
  request(`Bearer ${await mintBridgeToken({ role, tenant_id: tenantId, claims: { sub: "u1" } }, signingKey)}`);

const refused = { status: 401, code: "PGRST301" };

describe("authenticate", () => {
  it("derives the schema from the verified tenant role", async () => {
    const tenantId = newTenantId();
    const identity = await authenticate(await bearer(roleNameOf(tenantId), tenantId), verifier);
    expect(identity).toEqual({
      tenantId,
      role: roleNameOf(tenantId),
      schema: schemaNameOf(tenantId),
      claims: { sub: "u1" },
      statementTimeoutMs: 30_000,
    });
  });

  it("takes the statement timeout from the signed plan, so a free tenant is held to 5 s", async () => {
    const tenantId = newTenantId();
    const token = await mintBridgeToken(
      { role: roleNameOf(tenantId), tenant_id: tenantId, claims: {}, plan: "free" },
      key,
    );
    expect((await authenticate(request(`Bearer ${token}`), verifier)).statementTimeoutMs).toBe(5_000);
  });

  it("rejects a request without a bridge token", async () => {
    await expect(authenticate(request(), verifier)).rejects.toMatchObject(refused);
    await expect(authenticate(request("Basic abc"), verifier)).rejects.toMatchObject(refused);
  });

  it("rejects a bridge token signed with another secret", async () => {
    const tenantId = newTenantId();
    const forged = await bearer(roleNameOf(tenantId), tenantId, bridgeKey("some-other-secret-0123456789abcdefghij"));
    await expect(authenticate(forged, verifier)).rejects.toMatchObject(refused);
  });

  it("rejects a bridge token whose role is postgres or the tenant's owner role", async () => {
    const tenantId = newTenantId();
    await expect(authenticate(await bearer("postgres", tenantId), verifier)).rejects.toMatchObject(refused);
    await expect(authenticate(await bearer(ownerRoleNameOf(tenantId), tenantId), verifier)).rejects.toMatchObject(
      refused,
    );
  });

  it("rejects a bridge token pairing one tenant_id with another tenant's role", async () => {
    const token = await bearer(roleNameOf(newTenantId()), newTenantId());
    await expect(authenticate(token, verifier)).rejects.toMatchObject(refused);
  });

  it("keeps refusing a forged token after a genuine one for the same tenant was cached", async () => {
    const tenantId = newTenantId();
    const genuine = await bearer(roleNameOf(tenantId), tenantId);
    await authenticate(genuine, verifier);
    const forged = await bearer(roleNameOf(tenantId), tenantId, bridgeKey("some-other-secret-0123456789abcdefghij"));
    await expect(authenticate(forged, verifier)).rejects.toMatchObject(refused);
  });

  it("refuses a cached bridge token once it has expired (replay after exp)", async () => {
    let now = Date.now();
    const clocked = createBridgeVerifier(secret, { now: () => now });
    const tenantId = newTenantId();
    const token = await bearer(roleNameOf(tenantId), tenantId);
    await expect(authenticate(token, clocked)).resolves.toMatchObject({ tenantId });
    now += 70_000;
    vi.useFakeTimers({ now, toFake: ["Date"] });
    try {
      await expect(authenticate(token, clocked)).rejects.toMatchObject(refused);
    } finally {
      vi.useRealTimers();
    }
  });

  it("hands out claims no request can alter for the next one (cache poisoning)", async () => {
    const tenantId = newTenantId();
    const token = await bearer(roleNameOf(tenantId), tenantId);
    const first = await authenticate(token, verifier);
    expect(() => {
      (first.claims as Record<string, unknown>).sub = "someone-else";
    }).toThrow(TypeError);
    expect((await authenticate(token, verifier)).claims).toEqual({ sub: "u1" });
  });
});

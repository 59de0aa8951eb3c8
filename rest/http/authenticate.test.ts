import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { bridgeKey, mintBridgeToken } from "@/lib/jwt";
import { newTenantId, ownerRoleNameOf, roleNameOf, schemaNameOf } from "@/lib/tenancy";
import { authenticate } from "./authenticate";

const key = bridgeKey("bridge-secret-for-unit-tests-0123456789");
const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;
const bearer = async (role: string, tenantId: string, signingKey = key) =>
  request(`Bearer ${await mintBridgeToken({ role, tenant_id: tenantId, claims: { sub: "u1" } }, signingKey)}`);

const refused = { status: 401, code: "PGRST301" };

describe("authenticate", () => {
  it("derives the schema from the verified tenant role", async () => {
    const tenantId = newTenantId();
    const identity = await authenticate(await bearer(roleNameOf(tenantId), tenantId), key);
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
    const token = await mintBridgeToken({ role: roleNameOf(tenantId), tenant_id: tenantId, claims: {}, plan: "free" }, key);
    expect((await authenticate(request(`Bearer ${token}`), key)).statementTimeoutMs).toBe(5_000);
  });

  it("rejects a request without a bridge token", async () => {
    await expect(authenticate(request(), key)).rejects.toMatchObject(refused);
    await expect(authenticate(request("Basic abc"), key)).rejects.toMatchObject(refused);
  });

  it("rejects a bridge token signed with another secret", async () => {
    const tenantId = newTenantId();
    const forged = await bearer(roleNameOf(tenantId), tenantId, bridgeKey("some-other-secret-0123456789abcdefghij"));
    await expect(authenticate(forged, key)).rejects.toMatchObject(refused);
  });

  it("rejects a bridge token whose role is postgres or the tenant's owner role", async () => {
    const tenantId = newTenantId();
    await expect(authenticate(await bearer("postgres", tenantId), key)).rejects.toMatchObject(refused);
    await expect(authenticate(await bearer(ownerRoleNameOf(tenantId), tenantId), key)).rejects.toMatchObject(refused);
  });

  it("rejects a bridge token pairing one tenant_id with another tenant's role", async () => {
    const token = await bearer(roleNameOf(newTenantId()), newTenantId());
    await expect(authenticate(token, key)).rejects.toMatchObject(refused);
  });
});

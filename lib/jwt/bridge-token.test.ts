import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { bridgeKey, mintBridgeToken, verifyBridgeToken } from "./bridge-token";

const key = bridgeKey("b".repeat(48));
const claims = {
  role: "t_5ecfa3ab72d1_role",
  tenant_id: "5ecfa3ab-72d1-4b2a-9a1d-0f1e2d3c4b5a",
  claims: { sub: "u1", role: "authenticated" },
};

describe("bridge tokens", () => {
  it("round-trips role, tenant and the client's claims", async () => {
    expect(await verifyBridgeToken(await mintBridgeToken(claims, key), key)).toEqual(claims);
  });

  it("rejects a bridge token signed with another secret", async () => {
    const forged = await mintBridgeToken(claims, bridgeKey("x".repeat(48)));
    await expect(verifyBridgeToken(forged, key)).rejects.toThrow();
  });

  it("rejects a long-lived token even when correctly signed", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("flux-gateway")
      .setAudience("flux-rest")
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    await expect(verifyBridgeToken(token, key)).rejects.toThrow(/5 minutes/);
  });

  it("rejects a project token presented as a bridge token (wrong issuer and audience)", async () => {
    const token = await new SignJWT({ role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(key);
    await expect(verifyBridgeToken(token, key)).rejects.toThrow();
  });
});

describe("bridge token plan", () => {
  const key = bridgeKey("p".repeat(48));
  const base = { role: "t_0123456789ab_role", tenant_id: "00000000-0000-4000-8000-000000000000", claims: { sub: "u" } };

  it("carries the project's plan so rest can derive the statement timeout from a signed source", async () => {
    expect(await verifyBridgeToken(await mintBridgeToken({ ...base, plan: "pro" }, key), key)).toMatchObject({
      plan: "pro",
    });
    expect(await verifyBridgeToken(await mintBridgeToken(base, key), key)).not.toHaveProperty("plan");
  });

  it("rejects a token naming a plan that does not exist", async () => {
    const forged = await mintBridgeToken({ ...base, plan: "unlimited" as never }, key);
    await expect(verifyBridgeToken(forged, key)).rejects.toThrow(/unknown plan/);
  });
});

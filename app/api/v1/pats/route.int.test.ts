import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, personalAccessTokens } from "@/drizzle/schema";
import { getServerDb } from "@/lib/api/server-db";
import { closeAll } from "../people-test-kit";
import { call, errorOf, newSignedInUser } from "../route-test-kit";
import { GET as me } from "../me/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

afterAll(closeAll);

type Created = { token: string; id: string; name: string; prefix: string; expiresAt: string | null };
type Listed = {
  data: {
    id: string;
    name: string;
    prefix: string | null;
    lastUsedAt: string | null;
    expiresAt: string | null;
    revokedAt: string | null;
  }[];
};
const create = (token: string, body: unknown, headers?: Record<string, string>) =>
  call(POST, "POST", "/api/v1/pats", { token, body, headers });

describe("/api/v1/pats", () => {
  it("creates a token shown once, lists it by name and prefix (never the token), and records its use", async () => {
    const user = await newSignedInUser();
    const res = await create(user.token, { name: "ci deploys", expiresIn: "30d" });
    expect(res.status).toBe(201);
    const created = res.body as Created;
    expect(created.token).toMatch(/^flux_pat_/);
    expect(created.prefix).toBe(created.token.slice(0, 13));
    expect(Date.parse(created.expiresAt ?? "") - Date.now()).toBeGreaterThan(29 * 86_400_000);

    expect((await call(me, "GET", "/api/v1/me", { token: created.token })).status).toBe(200);
    const listed = await call(GET, "GET", "/api/v1/pats", { token: user.token });
    const row = (listed.body as Listed).data.find((t) => t.id === created.id);
    expect(row).toMatchObject({ name: "ci deploys", prefix: created.prefix, revokedAt: null });
    expect(row?.lastUsedAt).not.toBeNull();
    expect(listed.text).not.toContain(created.token);

    const audit = await getServerDb().select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("a revoked token is refused by the API with a message saying it was revoked", async () => {
    const user = await newSignedInUser();
    const created = (await create(user.token, { name: "laptop" })).body as Created;
    const revoked = await call(DELETE, "DELETE", `/api/v1/pats/${created.id}`, {
      token: user.token,
      params: { id: created.id },
    });
    expect(revoked.status).toBe(200);
    const refused = await call(me, "GET", "/api/v1/me", { token: created.token });
    expect(refused.status).toBe(401);
    expect(errorOf(refused.body).message).toMatch(new RegExp(`${created.id} was revoked`));
    const again = await call(DELETE, "DELETE", `/api/v1/pats/${created.id}`, {
      token: user.token,
      params: { id: created.id },
    });
    expect(again.status).toBe(404);
  });

  it("an expired token is refused by the API with a message saying it expired", async () => {
    const user = await newSignedInUser();
    const created = (await create(user.token, { name: "short", expiresIn: "1h" })).body as Created;
    await getServerDb()
      .update(personalAccessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(personalAccessTokens.id, created.id));
    const refused = await call(me, "GET", "/api/v1/me", { token: created.token });
    expect(refused.status).toBe(401);
    expect(errorOf(refused.body).message).toMatch(/expired at/);
  });

  it("refuses a bad name or lifetime with a message naming the rule", async () => {
    const user = await newSignedInUser();
    expect(errorOf((await create(user.token, { name: "" })).body).message).toMatch(/name is required/);
    expect(errorOf((await create(user.token, { name: "x", expiresIn: "forever" })).body).message).toMatch(
      /whole number followed by/,
    );
    expect(errorOf((await create(user.token, { name: "x", expiresIn: "400d" })).body).message).toMatch(
      /maximum is 365d/,
    );
  });

  it("security: a user cannot revoke or list another user's token", async () => {
    const alice = await newSignedInUser();
    const mallory = await newSignedInUser();
    const created = (await create(alice.token, { name: "alice" })).body as Created;
    expect(
      (await call(DELETE, "DELETE", `/api/v1/pats/${created.id}`, { token: mallory.token, params: { id: created.id } }))
        .status,
    ).toBe(404);
    const listed = (await call(GET, "GET", "/api/v1/pats", { token: mallory.token })).body as Listed;
    expect(listed.data.map((t) => t.id)).not.toContain(created.id);
    expect((await call(me, "GET", "/api/v1/me", { token: created.token })).status).toBe(200);
  });

  it("Idempotency-Key: a retried create returns the same token instead of a second one", async () => {
    const user = await newSignedInUser();
    const headers = { "idempotency-key": `pat-${user.id}` };
    const first = (await create(user.token, { name: "retry" }, headers)).body as Created;
    const retry = await create(user.token, { name: "retry" }, headers);
    expect((retry.body as Created).id).toBe(first.id);
    const rows = await getServerDb().select().from(personalAccessTokens).where(eq(personalAccessTokens.name, "retry"));
    expect(rows.filter((r) => r.userId === user.id)).toHaveLength(1);
  });
});

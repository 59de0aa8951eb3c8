import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { personalAccessTokens } from "@/drizzle/schema";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { GET as me } from "../../me/route";
import { call, errorOf, newUser } from "../../route-test-kit";
import { POST as login } from "./route";

afterAll(closeServerDb);

describe("POST /api/v1/auth/login", () => {
  it("issues a flux_pat_ token that authenticates GET /api/v1/me", async () => {
    const user = await newUser();
    const res = await call(login, "POST", "/api/v1/auth/login", {
      body: { email: user.email.toUpperCase(), password: user.password, name: "laptop" },
    });
    expect(res.status).toBe(201);
    const body = res.body as { token: string; tokenId: string; user: { id: string; email: string } };
    expect(body.token).toMatch(/^flux_pat_[A-Za-z0-9_-]{43}$/);
    expect(body.tokenId).toMatch(/^pat_/);
    expect(body.user).toEqual({ id: user.id, email: user.email });

    const who = await call(me, "GET", "/api/v1/me", { token: body.token });
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ id: user.id, email: user.email, platformRole: "user" });
  });

  it("stores only the SHA-256 of the token, never the token itself", async () => {
    const user = await newUser();
    const res = await call(login, "POST", "/api/v1/auth/login", {
      body: { email: user.email, password: user.password },
    });
    const { token, tokenId } = res.body as { token: string; tokenId: string };
    const [row] = await getServerDb().select().from(personalAccessTokens).where(eq(personalAccessTokens.id, tokenId));
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("answers a wrong password and an unknown e-mail with the same 401, so accounts cannot be discovered", async () => {
    const user = await newUser();
    const wrong = await call(login, "POST", "/api/v1/auth/login", {
      body: { email: user.email, password: "not-the-password" },
    });
    const unknown = await call(login, "POST", "/api/v1/auth/login", {
      body: { email: "nobody@example.test", password: "whatever1" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorOf(wrong.body).code).toBe("invalid_credentials");
    expect(errorOf(wrong.body).message).toBe(errorOf(unknown.body).message);
    expect(errorOf(wrong.body).requestId).toBeTruthy();
  });

  it("answers a body without a password with 400 naming the field", async () => {
    const res = await call(login, "POST", "/api/v1/auth/login", { body: { email: "a@example.test" } });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(/password/);
  });

  it("keeps the caller's X-Request-ID in the error envelope and header", async () => {
    const res = await call(login, "POST", "/api/v1/auth/login", {
      body: "{not json",
      headers: { "x-request-id": "trace-123" },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).requestId).toBe("trace-123");
    expect(res.headers.get("x-request-id")).toBe("trace-123");
  });
});

describe("personal access tokens on the API", () => {
  it("refuses a revoked token", async () => {
    const user = await newUser();
    const res = await call(login, "POST", "/api/v1/auth/login", {
      body: { email: user.email, password: user.password },
    });
    const { token, tokenId } = res.body as { token: string; tokenId: string };
    await getServerDb()
      .update(personalAccessTokens)
      .set({ revokedAt: new Date() })
      .where(eq(personalAccessTokens.id, tokenId));
    const who = await call(me, "GET", "/api/v1/me", { token });
    expect(who.status).toBe(401);
    expect(errorOf(who.body).code).toBe("unauthorized");
  });

  it("refuses an expired token", async () => {
    const user = await newUser();
    const res = await call(login, "POST", "/api/v1/auth/login", {
      body: { email: user.email, password: user.password },
    });
    const { token, tokenId } = res.body as { token: string; tokenId: string };
    await getServerDb()
      .update(personalAccessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(personalAccessTokens.id, tokenId));
    expect((await call(me, "GET", "/api/v1/me", { token })).status).toBe(401);
  });

  it("refuses a made-up token and an anonymous request to /me", async () => {
    expect((await call(me, "GET", "/api/v1/me", { token: "flux_pat_forged" })).status).toBe(401);
    expect((await call(me, "GET", "/api/v1/me")).status).toBe(401);
  });
});

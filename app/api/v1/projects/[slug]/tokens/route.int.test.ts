import { eq } from "drizzle-orm";
import { jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, projects } from "@/drizzle/schema";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { getServerConfig } from "@/lib/api/server-config";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { addMember, call, errorOf, newSignedInUser, unique } from "../../../route-test-kit";
import { POST as create } from "../../route";
import { POST } from "./route";

afterAll(closeServerDb);

async function projectOf(owner: { token: string }) {
  const slug = unique("tok");
  const res = await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
  const tenantId = (res.body as { tenantId: string }).tenantId;
  const [row] = await getServerDb().select().from(projects).where(eq(projects.tenantId, tenantId));
  if (!row) throw new Error("project row missing");
  const secret = decryptSecret(row.jwtSecretEncrypted, getServerConfig().FLUX_MASTER_KEY, jwtSecretContext(tenantId));
  return { slug, tenantId, key: new TextEncoder().encode(secret), secret };
}

const mint = (token: string, slug: string, body: unknown) =>
  call(POST, "POST", `/api/v1/projects/${slug}/tokens`, { token, params: { slug }, body });

describe("POST /api/v1/projects/[slug]/tokens", () => {
  it("mints an HS256 token signed with the project's secret, carrying role, sub and expiry", async () => {
    const owner = await newSignedInUser();
    const project = await projectOf(owner);
    const res = await mint(owner.token, project.slug, { role: "authenticated", sub: "user-42", expiresIn: "1h" });
    expect(res.status).toBe(201);
    const body = res.body as { token: string; expiresAt: string; role: string };
    expect(body.role).toBe("authenticated");
    const { payload, protectedHeader } = await jwtVerify(body.token, project.key, { algorithms: ["HS256"] });
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ role: "authenticated", sub: "user-42" });
    expect(Math.abs((payload.exp ?? 0) * 1000 - Date.parse(body.expiresAt))).toBeLessThan(1000);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    expect(res.text).not.toContain(project.secret);

    const audit = await getServerDb().select().from(auditLog).where(eq(auditLog.tenantId, project.tenantId));
    const minted = audit.find((a) => a.action === "project.token.mint");
    expect(minted?.details).toMatchObject({ role: "authenticated", sub: "user-42" });
    expect(JSON.stringify(audit)).not.toContain(body.token);
  });

  it("signs a token that another project's secret does not verify", async () => {
    const owner = await newSignedInUser();
    const a = await projectOf(owner);
    const b = await projectOf(owner);
    const res = await mint(owner.token, a.slug, { role: "anon", expiresIn: "15m" });
    const token = (res.body as { token: string }).token;
    await expect(jwtVerify(token, b.key, { algorithms: ["HS256"] })).rejects.toThrow();
  });

  it("refuses a role the project does not allow, and a bad lifetime, with 400", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const badRole = await mint(owner.token, slug, { role: "postgres", expiresIn: "1h" });
    expect(badRole.status).toBe(400);
    expect(errorOf(badRole.body).message).toMatch(/anon, authenticated/);
    const tooLong = await mint(owner.token, slug, { role: "anon", expiresIn: "90d" });
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong.body).message).toMatch(/maximum is 30d/);
  });

  it("does not let a viewer (403) or a stranger (404) mint tokens", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const stranger = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    await addMember(tenantId, viewer.id, "viewer");
    expect((await mint(viewer.token, slug, { role: "anon", expiresIn: "1h" })).status).toBe(403);
    expect((await mint(stranger.token, slug, { role: "anon", expiresIn: "1h" })).status).toBe(404);
  });
});

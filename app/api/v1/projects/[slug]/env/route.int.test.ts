import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, projectEnv } from "@/drizzle/schema";
import { getServerConfig } from "@/lib/api/server-config";
import { getServerDb } from "@/lib/api/server-db";
import { envSecretContext } from "@/lib/env/inputs";
import { decryptSecret } from "@/lib/secrets";
import { closeAll, projectOwnedBy } from "../../../people-test-kit";
import { addMember, call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { DELETE } from "./[key]/route";
import { GET, PUT } from "./route";

afterAll(closeAll);

const set = (token: string, slug: string, body: unknown) =>
  call(PUT, "PUT", `/api/v1/projects/${slug}/env`, { token, params: { slug }, body });
const list = (token: string, slug: string) =>
  call(GET, "GET", `/api/v1/projects/${slug}/env`, { token, params: { slug } });
const unset = (token: string, slug: string, key: string) =>
  call(DELETE, "DELETE", `/api/v1/projects/${slug}/env/${key}`, { token, params: { slug, key } });

const SECRET_VALUE = "sk_live_do-not-leak-4242";

describe("/api/v1/projects/[slug]/env", () => {
  it("sets a plain and a secret variable; list shows the plain value and never the secret one", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    expect(
      (await set(owner.token, project.slug, { key: "PUBLIC_URL", value: "https://shop.example" })).body,
    ).toMatchObject({ key: "PUBLIC_URL", secret: false, value: "https://shop.example" });
    const secret = await set(owner.token, project.slug, { key: "STRIPE_KEY", value: SECRET_VALUE, secret: true });
    expect(secret.status).toBe(200);
    expect(secret.body).toMatchObject({ key: "STRIPE_KEY", secret: true, value: null });

    const listed = await list(owner.token, project.slug);
    expect((listed.body as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ key: "PUBLIC_URL", secret: false, value: "https://shop.example" }),
      expect.objectContaining({ key: "STRIPE_KEY", secret: true, value: null }),
    ]);
    expect(listed.text).not.toContain(SECRET_VALUE);
  });

  it("encrypts a secret at rest bound to its project and key, and keeps it out of the audit log", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    await set(owner.token, project.slug, { key: "DB_PASSWORD", value: SECRET_VALUE, secret: true });
    const [row] = await getServerDb().select().from(projectEnv).where(eq(projectEnv.tenantId, project.tenantId));
    expect(row?.value).toBeNull();
    expect(row?.valueEncrypted).not.toContain(SECRET_VALUE);
    expect(
      decryptSecret(
        row?.valueEncrypted ?? "",
        getServerConfig().FLUX_MASTER_KEY,
        envSecretContext(project.tenantId, "DB_PASSWORD"),
      ),
    ).toBe(SECRET_VALUE);
    expect(() =>
      decryptSecret(
        row?.valueEncrypted ?? "",
        getServerConfig().FLUX_MASTER_KEY,
        envSecretContext(project.tenantId, "OTHER"),
      ),
    ).toThrow();

    const audit = await getServerDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, project.tenantId), eq(auditLog.targetType, "env")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "project.env.create",
      details: { key: "DB_PASSWORD", after: { kind: "secret", value: null } },
    });
    expect(JSON.stringify(audit)).not.toContain(SECRET_VALUE);
  });

  it("unsets a variable (audited) and answers 404 for one that does not exist", async () => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    await set(owner.token, project.slug, { key: "FEATURE_X", value: "on" });
    expect((await unset(owner.token, project.slug, "FEATURE_X")).body).toEqual({ key: "FEATURE_X", removed: true });
    expect((await list(owner.token, project.slug)).body).toMatchObject({ data: [] });
    const missing = await unset(owner.token, project.slug, "FEATURE_X");
    expect(missing.status).toBe(404);
    const actions = await getServerDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, project.tenantId), eq(auditLog.targetId, "FEATURE_X")));
    expect(actions.map((a) => a.action).sort()).toEqual(["project.env.create", "project.env.delete"]);
  });

  it.each([
    ["lower-case", "stripe_key", /upper-case letters/],
    ["a leading digit", "1KEY", /upper-case letters/],
    ["the reserved FLUX_ prefix", "FLUX_MASTER_KEY", /reserved for the platform/],
  ])("refuses a key with %s, naming the rule", async (_, key, message) => {
    const owner = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    const res = await set(owner.token, project.slug, { key, value: "x" });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(message);
  });

  it("security: a viewer cannot set or unset variables", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const project = await projectOwnedBy(owner);
    await addMember(project.tenantId, viewer.id, "viewer");
    await set(owner.token, project.slug, { key: "A", value: "1" });
    expect((await set(viewer.token, project.slug, { key: "A", value: "2" })).status).toBe(403);
    expect((await unset(viewer.token, project.slug, "A")).status).toBe(403);
    expect((await list(viewer.token, project.slug)).body).toMatchObject({ data: [{ key: "A", value: "1" }] });
  });

  it("security: a member of project A cannot read project B's env", async () => {
    const ownerA = await newSignedInUser();
    const ownerB = await newSignedInUser();
    await projectOwnedBy(ownerA);
    const b = await projectOwnedBy(ownerB);
    await set(ownerB.token, b.slug, { key: "B_ONLY", value: "plain-b" });
    const res = await list(ownerA.token, b.slug);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("plain-b");
  });

  it("security: support staff read the variable list but never receive a secret value", async () => {
    const owner = await newSignedInUser();
    const support = await newSignedInUser("support");
    const project = await projectOwnedBy(owner);
    await set(owner.token, project.slug, { key: "API_SECRET", value: SECRET_VALUE, secret: true });
    const res = await list(support.token, project.slug);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: [{ key: "API_SECRET", secret: true, value: null }] });
    expect(res.text).not.toContain(SECRET_VALUE);
    expect((await set(support.token, project.slug, { key: "API_SECRET", value: "x" })).status).toBe(403);
  });
});

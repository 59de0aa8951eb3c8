import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, projects } from "@/drizzle/schema";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { getServerConfig } from "@/lib/api/server-config";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { call, errorOf, newSignedInUser, sessionCookieFor, unique } from "../route-test-kit";
import { GET as getOne } from "./[slug]/route";
import { GET as list, POST as create } from "./route";

afterAll(closeServerDb);

type Project = {
  tenantId: string;
  slug: string;
  hash: string;
  status: string;
  serviceUrl: string;
  schema: string;
  role: string;
};

async function tenantSchemaExists(schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: getServerConfig().tenantDatabaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_namespace where nspname = $1", [schema]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("POST /api/v1/projects", () => {
  it("creates an active, provisioned project with its Service URL, schema and role", async () => {
    const owner = await newSignedInUser();
    const slug = unique("shop");
    const res = await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
    expect(res.status).toBe(201);
    const project = res.body as Project;
    expect(Object.keys(project).sort()).toEqual(
      [
        "createdAt",
        "hash",
        "mode",
        "name",
        "plan",
        "role",
        "schema",
        "serviceUrl",
        "slug",
        "status",
        "tenantId",
      ].sort(),
    );
    expect(project).toMatchObject({ slug, mode: "v2_shared", plan: "free", status: "active", name: slug });
    expect(project.hash).toMatch(/^[0-9a-f]{7}$/);
    expect(project.serviceUrl).toBe(`http://api--${slug}--${project.hash}.localhost:8080`);
    expect(project.schema).toBe(`t_${project.tenantId.replace(/-/g, "").slice(0, 12)}_api`);
    expect(await tenantSchemaExists(project.schema)).toBe(true);

    const actions = await getServerDb().select().from(auditLog).where(eq(auditLog.tenantId, project.tenantId));
    expect(actions.map((a) => a.action).sort()).toEqual(["project.activate", "project.create"]);
  });

  it("never returns the JWT secret, and stores it only encrypted", async () => {
    const owner = await newSignedInUser();
    const res = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug: unique("sec"), plan: "free" },
    });
    const project = res.body as Project;
    const [row] = await getServerDb().select().from(projects).where(eq(projects.tenantId, project.tenantId));
    if (!row) throw new Error("project row missing");
    const secret = decryptSecret(
      row.jwtSecretEncrypted,
      getServerConfig().FLUX_MASTER_KEY,
      jwtSecretContext(row.tenantId),
    );
    expect(secret.length).toBeGreaterThanOrEqual(64);
    expect(row.jwtSecretEncrypted).not.toContain(secret);
    expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain(row.jwtSecretEncrypted);
    const audit = await getServerDb().select().from(auditLog).where(eq(auditLog.tenantId, project.tenantId));
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("answers a bad slug with 400 naming the rule", async () => {
    const owner = await newSignedInUser();
    const res = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug: "Bad_Slug", plan: "free" },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe("bad_request");
    expect(errorOf(res.body).message).toMatch(/slug: .*lower-case letters, digits and hyphens/);
  });

  it("answers an unknown plan with 400 listing the plans", async () => {
    const owner = await newSignedInUser();
    const res = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug: unique("p"), plan: "gold" },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(/free, pro, enterprise/);
  });

  it("answers a duplicate slug with 409 'Slug 'x' is taken'", async () => {
    const first = await newSignedInUser();
    const second = await newSignedInUser();
    const slug = unique("dup");
    expect(
      (await call(create, "POST", "/api/v1/projects", { token: first.token, body: { slug, plan: "free" } })).status,
    ).toBe(201);
    const res = await call(create, "POST", "/api/v1/projects", { token: second.token, body: { slug, plan: "free" } });
    expect(res.status).toBe(409);
    expect(errorOf(res.body).message).toContain(`Slug '${slug}' is taken`);
  });

  it("refuses a user creating a project on a higher plan (403 naming who may grant it); a platform admin may", async () => {
    const owner = await newSignedInUser();
    const slug = unique("rich");
    const res = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug, plan: "enterprise" },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res.body).message).toMatch(
      /Only a platform admin may create '.*' on the enterprise plan.*create it on free/,
    );
    expect(await getServerDb().select().from(projects).where(eq(projects.slug, slug))).toEqual([]);

    const admin = await newSignedInUser("admin");
    const granted = await call(create, "POST", "/api/v1/projects", { token: admin.token, body: { slug, plan: "pro" } });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ plan: "pro" });
  });

  it("refuses an anonymous create with 401", async () => {
    const res = await call(create, "POST", "/api/v1/projects", { body: { slug: unique("anon"), plan: "free" } });
    expect(res.status).toBe(401);
  });

  it("refuses a cookie-authenticated create that is not JSON, so a cross-site form cannot ride the session", async () => {
    const owner = await newSignedInUser();
    const cookie = await sessionCookieFor(owner.id);
    const slug = unique("csrf");
    const res = await call(create, "POST", "/api/v1/projects", {
      cookie,
      body: JSON.stringify({ slug, plan: "free" }),
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(400);
    expect(await getServerDb().select().from(projects).where(eq(projects.slug, slug))).toHaveLength(0);
  });
});

describe("GET /api/v1/projects", () => {
  it("lists only the caller's projects", async () => {
    const alice = await newSignedInUser();
    const bob = await newSignedInUser();
    const aliceSlug = unique("alice");
    const bobSlug = unique("bob");
    await call(create, "POST", "/api/v1/projects", { token: alice.token, body: { slug: aliceSlug, plan: "free" } });
    await call(create, "POST", "/api/v1/projects", { token: bob.token, body: { slug: bobSlug, plan: "free" } });
    const res = await call(list, "GET", "/api/v1/projects", { token: alice.token });
    expect(res.status).toBe(200);
    const slugs = (res.body as { data: Project[] }).data.map((p) => p.slug);
    expect(slugs).toContain(aliceSlug);
    expect(slugs).not.toContain(bobSlug);
    expect(res.text).not.toMatch(/jwtSecret|jwt_secret/);
  });

  it("works with the dashboard session cookie too", async () => {
    const alice = await newSignedInUser();
    const slug = unique("cookie");
    await call(create, "POST", "/api/v1/projects", { token: alice.token, body: { slug, plan: "free" } });
    const res = await call(list, "GET", "/api/v1/projects", { cookie: await sessionCookieFor(alice.id) });
    expect(res.status).toBe(200);
    expect((res.body as { data: Project[] }).data.map((p) => p.slug)).toEqual([slug]);
  });

  it("answers a request without a token with 401 in the error envelope", async () => {
    const res = await call(list, "GET", "/api/v1/projects");
    expect(res.status).toBe(401);
    expect(errorOf(res.body)).toMatchObject({ code: "unauthorized" });
    expect(errorOf(res.body).requestId).toMatch(/^req_/);
  });

  it("refuses a session cookie signed with another secret", async () => {
    const alice = await newSignedInUser();
    const { encode } = await import("next-auth/jwt");
    const forged = await encode({ token: { userId: alice.id }, secret: "another-secret-that-is-long-enough-000000" });
    const res = await call(list, "GET", "/api/v1/projects", { cookie: `next-auth.session-token=${forged}` });
    expect(res.status).toBe(401);
  });

  it("shows platform admins every project", async () => {
    const owner = await newSignedInUser();
    const admin = await newSignedInUser("admin");
    const slug = unique("seen");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
    const res = await call(list, "GET", "/api/v1/projects", { token: admin.token });
    expect((res.body as { data: Project[] }).data.map((p) => p.slug)).toContain(slug);
  });
});

describe("GET /api/v1/projects/[slug]", () => {
  it("returns the project to its owner", async () => {
    const owner = await newSignedInUser();
    const slug = unique("one");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
    const res = await call(getOne, "GET", `/api/v1/projects/${slug}`, { token: owner.token, params: { slug } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slug, plan: "free", status: "active" });
  });

  it("gives a non-member the same 404 as a missing slug, so existence is not revealed", async () => {
    const owner = await newSignedInUser();
    const stranger = await newSignedInUser();
    const slug = unique("hidden");
    await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
    const theirs = await call(getOne, "GET", `/api/v1/projects/${slug}`, { token: stranger.token, params: { slug } });
    const missing = await call(getOne, "GET", "/api/v1/projects/no-such-x", {
      token: stranger.token,
      params: { slug: "no-such-x" },
    });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(errorOf(theirs.body).message.replace(slug, "S")).toBe(
      errorOf(missing.body).message.replace("no-such-x", "S"),
    );
  });
});

describe("POST /api/v1/projects with Idempotency-Key", () => {
  it("a retried create answers with the first project (201, replayed) instead of a slug conflict", async () => {
    const owner = await newSignedInUser();
    const slug = unique("idem");
    const headers = { "idempotency-key": `create-${slug}` };
    const first = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug, plan: "free" },
      headers,
    });
    const retry = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug, plan: "free" },
      headers,
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const without = await call(create, "POST", "/api/v1/projects", {
      token: owner.token,
      body: { slug, plan: "free" },
    });
    expect(without.status).toBe(409);
  });
});

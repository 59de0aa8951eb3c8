import { afterAll, describe, expect, it } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { MAX_ISSUERS_PER_PROJECT } from "@/lib/issuers/inputs";
import { errorOf, newSignedInUser } from "../../../route-test-kit";
import { addIssuer, freshIssuer, issuerAudit, listIssuers, projectWithMembers, removeIssuer } from "./issuer-test-kit";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const jwksOf = (issuer: string) => `${issuer}/.well-known/jwks.json`;
type IssuerBody = {
  project: string;
  issuer: string;
  jwksUrl: string;
  audience: string | null;
  createdAt: string;
  createdBy: string | null;
};

describe("POST /api/v1/projects/[slug]/issuers", () => {
  it("lets the owner trust an issuer by JWKS URL, answers what was stored, and audits it in the same transaction", async () => {
    const p = await projectWithMembers(["owner"]);
    const issuer = freshIssuer();
    const res = await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer), audience: "flux" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      project: p.slug,
      issuer,
      jwksUrl: jwksOf(issuer),
      audience: "flux",
      createdAt: expect.any(String),
      createdBy: p.members.owner.email,
    });
    expect(await issuerAudit(p.tenantId)).toEqual([
      {
        action: "issuer.add",
        actorUserId: p.members.owner.id,
        targetId: issuer,
        details: { slug: p.slug, issuer, jwksUrl: jwksOf(issuer), audience: "flux" },
      },
    ]);
  });

  it("refuses a plain-http JWKS URL with 400 naming the field and the rule, and writes nothing", async () => {
    const p = await projectWithMembers(["owner"]);
    const issuer = freshIssuer();
    for (const jwksUrl of [
      "http://idp.example.test/jwks.json",
      "http://127.0.0.1:9/jwks",
      "ftp://idp.example.test/jwks",
    ]) {
      const res = await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl });
      expect(res.status, jwksUrl).toBe(400);
      expect(errorOf(res.body).message).toMatch(/^jwksUrl: must use https/);
    }
    const missing = await addIssuer(p.members.owner.token, p.slug, { jwksUrl: jwksOf(issuer) });
    expect([missing.status, errorOf(missing.body).message]).toEqual([
      400,
      expect.stringMatching(/^issuer: issuer is required/),
    ]);
    expect((await listIssuers(p.members.owner.token, p.slug)).body).toMatchObject({ data: [] });
    expect(await issuerAudit(p.tenantId)).toEqual([]);
  });

  it("answers 409 for an issuer the project already trusts, and past the per-project maximum", async () => {
    const p = await projectWithMembers(["owner"]);
    const issuer = freshIssuer();
    expect((await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer) })).status).toBe(201);
    const again = await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(freshIssuer()) });
    expect([again.status, errorOf(again.body).code, errorOf(again.body).requestId]).toEqual([
      409,
      "conflict",
      expect.any(String),
    ]);
    for (let i = 1; i < MAX_ISSUERS_PER_PROJECT; i++) {
      const next = freshIssuer();
      expect((await addIssuer(p.members.owner.token, p.slug, { issuer: next, jwksUrl: jwksOf(next) })).status).toBe(
        201,
      );
    }
    const over = freshIssuer();
    const refused = await addIssuer(p.members.owner.token, p.slug, { issuer: over, jwksUrl: jwksOf(over) });
    expect([refused.status, errorOf(refused.body).message]).toEqual([
      409,
      expect.stringContaining(`already trusts ${MAX_ISSUERS_PER_PROJECT} issuers`),
    ]);
  });

  it("replays a retried create with the same Idempotency-Key instead of answering 409", async () => {
    const p = await projectWithMembers(["owner"]);
    const issuer = freshIssuer();
    const headers = { "idempotency-key": `key-${issuer}` };
    const first = await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer) }, headers);
    const retry = await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer) }, headers);
    expect(first.status).toBe(201);
    expect([retry.status, retry.headers.get("idempotency-replayed"), retry.body]).toEqual([201, "true", first.body]);
    expect(await issuerAudit(p.tenantId)).toHaveLength(1);
  });

  it("does not let a viewer, a developer or support staff add an issuer (403), nor a member of another project (404)", async () => {
    const p = await projectWithMembers(["viewer", "developer"]);
    const outsider = await projectWithMembers(["owner"]);
    const support = await newSignedInUser("support");
    const issuer = freshIssuer();
    const body = { issuer, jwksUrl: jwksOf(issuer) };
    expect((await addIssuer(p.members.viewer.token, p.slug, body)).status).toBe(403);
    expect((await addIssuer(p.members.developer.token, p.slug, body)).status).toBe(403);
    expect((await addIssuer(support.token, p.slug, body)).status).toBe(403);
    expect((await addIssuer(outsider.members.owner.token, p.slug, body)).status).toBe(404);
    expect(await issuerAudit(p.tenantId)).toEqual([]);
  });
});

describe("GET /api/v1/projects/[slug]/issuers", () => {
  it("lists to every member and to support, with nothing secret in it; a member of another project gets 404", async () => {
    const p = await projectWithMembers(["owner", "viewer"]);
    const outsider = await projectWithMembers(["owner"]);
    const support = await newSignedInUser("support");
    const issuer = freshIssuer();
    await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer) });
    for (const token of [p.members.viewer.token, support.token]) {
      const res = await listIssuers(token, p.slug);
      expect(res.status).toBe(200);
      const body = res.body as { data: IssuerBody[]; page: unknown };
      expect(body.data.map((row) => row.issuer)).toEqual([issuer]);
      expect(Object.keys(body.data[0] ?? {}).sort()).toEqual([
        "audience",
        "createdAt",
        "createdBy",
        "issuer",
        "jwksUrl",
        "project",
      ]);
      expect(res.text).not.toMatch(/secret/i);
    }
    const stranger = await listIssuers(outsider.members.owner.token, p.slug);
    expect([stranger.status, errorOf(stranger.body).code]).toEqual([404, "not_found"]);
  });
});

describe("DELETE /api/v1/projects/[slug]/issuers?issuer=", () => {
  it("lets the owner stop trusting an issuer, audited; a second removal answers 404", async () => {
    const p = await projectWithMembers(["owner"]);
    const issuer = freshIssuer();
    await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer) });
    const res = await removeIssuer(p.members.owner.token, p.slug, issuer);
    expect([res.status, res.body]).toEqual([200, { issuer, removed: true }]);
    expect((await issuerAudit(p.tenantId)).map((row) => row.action)).toEqual(["issuer.add", "issuer.remove"]);
    const again = await removeIssuer(p.members.owner.token, p.slug, issuer);
    expect([again.status, errorOf(again.body).message]).toEqual([
      404,
      expect.stringContaining("does not trust issuer"),
    ]);
  });

  it("does not let a viewer remove an issuer, nor the owner of project A remove one of project B", async () => {
    const p = await projectWithMembers(["owner", "viewer"]);
    const other = await projectWithMembers(["owner"]);
    const issuer = freshIssuer();
    await addIssuer(p.members.owner.token, p.slug, { issuer, jwksUrl: jwksOf(issuer) });
    expect((await removeIssuer(p.members.viewer.token, p.slug, issuer)).status).toBe(403);
    expect((await removeIssuer(other.members.owner.token, p.slug, issuer)).status).toBe(404);
    // The owner of B naming B's slug cannot reach A's issuer either: it is looked up within B only.
    expect((await removeIssuer(other.members.owner.token, other.slug, issuer)).status).toBe(404);
    expect(((await listIssuers(p.members.owner.token, p.slug)).body as { data: IssuerBody[] }).data).toHaveLength(1);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domains } from "@/drizzle/schema";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { startTestDnsServer, type TestDnsServer } from "@/tests/fixtures/dns-server";
import { call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { POST as add } from "./route";
import {
  addDomain,
  auditActions,
  freshHostname,
  listDomains,
  projectWithMembers,
  removeDomain,
  verifyDomain,
  type DomainBody,
} from "./domain-test-kit";

let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startTestDnsServer();
  // Read once by the route's server config, which is first built inside the tests below.
  process.env.FLUX_DNS_SERVERS = dns.address;
  process.env.FLUX_DNS_TIMEOUT_MS = "300";
});
afterAll(async () => {
  await dns.close();
  await closeServerDb();
  await closeControlPlaneRedis();
});

const storedDomain = async (hostname: string) =>
  (await getServerDb().select().from(domains).where(eq(domains.hostname, hostname)))[0];

describe("POST /api/v1/projects/[slug]/domains", () => {
  it("claims a normalised hostname, answers with the exact TXT record to create, and audits it", async () => {
    const p = await projectWithMembers(["developer"]);
    const host = freshHostname();
    const res = await addDomain(p.members.developer.token, p.slug, `${host.toUpperCase()}.`);
    expect(res.status).toBe(201);
    const body = res.body as DomainBody;
    expect(body).toMatchObject({ hostname: host, project: p.slug, status: "pending", verifiedAt: null });
    expect(body.verification).toEqual({
      type: "TXT",
      name: `_flux-challenge.${host}`,
      value: expect.stringMatching(/^flux-verify=[0-9a-f]{32}$/),
    });
    expect((await storedDomain(host))?.tenantId).toBe(p.tenantId);
    expect(await auditActions(host)).toEqual([
      {
        action: "domain.add",
        actorUserId: p.members.developer.id,
        tenantId: p.tenantId,
        details: { slug: p.slug, hostname: host },
      },
    ]);
  });

  it("refuses invalid hostnames with 400 naming the rule, and writes nothing", async () => {
    const p = await projectWithMembers(["owner"]);
    for (const [hostname, rule] of [
      ["*.example.test", /wildcard/],
      ["10.0.0.1", /IP address/],
      ["intranet", /single label/],
      ["bad_label.example.test", /invalid label/],
      [42, /hostname/],
    ] as const) {
      const res = await addDomain(p.members.owner.token, p.slug, hostname);
      expect(res.status, String(hostname)).toBe(400);
      expect(errorOf(res.body).message).toMatch(rule);
    }
    expect((await listDomains(p.members.owner.token, p.slug)).body).toEqual({ data: [] });
  });

  it("refuses a hostname under the platform's base domain or localhost (would shadow a Service URL)", async () => {
    const p = await projectWithMembers(["owner"]);
    const other = await projectWithMembers([]);
    for (const hostname of [other.host, "localhost", "evil.localhost"]) {
      const res = await addDomain(p.members.owner.token, p.slug, hostname);
      expect(res.status).toBe(400);
      expect(errorOf(res.body).message).toMatch(/platform serves itself/);
    }
  });

  it("answers 409 when another project already claimed the hostname, and the claim stays with the first project", async () => {
    const first = await projectWithMembers(["owner"]);
    const second = await projectWithMembers(["owner"]);
    const host = freshHostname();
    expect((await addDomain(first.members.owner.token, first.slug, host)).status).toBe(201);
    const res = await addDomain(second.members.owner.token, second.slug, host.toUpperCase());
    expect(res.status).toBe(409);
    expect(errorOf(res.body)).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already added"),
      requestId: expect.any(String),
    });
    expect((await storedDomain(host))?.tenantId).toBe(first.tenantId);
  });

  it("does not let a viewer add a domain (403), nor a member of another project (404)", async () => {
    const p = await projectWithMembers(["viewer"]);
    const outsider = await projectWithMembers(["owner"]);
    const host = freshHostname();
    expect((await addDomain(p.members.viewer.token, p.slug, host)).status).toBe(403);
    expect((await addDomain(outsider.members.owner.token, p.slug, host)).status).toBe(404);
    expect(await storedDomain(host)).toBeUndefined();
  });
});

describe("GET /api/v1/projects/[slug]/domains", () => {
  it("lists the project's domains to a viewer, and nothing of them to a member of another project", async () => {
    const p = await projectWithMembers(["owner", "viewer"]);
    const outsider = await projectWithMembers(["owner"]);
    const host = freshHostname();
    await addDomain(p.members.owner.token, p.slug, host);
    const listed = await listDomains(p.members.viewer.token, p.slug);
    expect(listed.status).toBe(200);
    expect((listed.body as { data: DomainBody[] }).data.map((d) => [d.hostname, d.status])).toEqual([
      [host, "pending"],
    ]);
    const foreign = await listDomains(outsider.members.owner.token, p.slug);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(host);
  });
});

describe("POST /api/v1/projects/[slug]/domains/[hostname]/verify", () => {
  it("verifies when the TXT record carries the token, audits it, and is idempotent", async () => {
    const p = await projectWithMembers(["owner"]);
    const host = freshHostname();
    const added = (await addDomain(p.members.owner.token, p.slug, host)).body as DomainBody;
    dns.setTxt(added.verification.name, ["v=spf1 -all", added.verification.value]);
    const res = await verifyDomain(p.members.owner.token, p.slug, host);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hostname: host, status: "verified", verifiedAt: expect.any(String) });
    expect((await storedDomain(host))?.verifiedAt).toBeInstanceOf(Date);
    expect((await verifyDomain(p.members.owner.token, p.slug, host)).status).toBe(200);
    expect((await auditActions(host)).map((a) => a.action)).toEqual(["domain.add", "domain.verify"]);
  });

  it("explains NXDOMAIN, a name without TXT, a wrong token (422) and a DNS timeout (503), and stays pending", async () => {
    const p = await projectWithMembers(["owner"]);
    const host = freshHostname();
    const added = (await addDomain(p.members.owner.token, p.slug, host)).body as DomainBody;
    const name = added.verification.name;

    const nx = await verifyDomain(p.members.owner.token, p.slug, host);
    expect(nx.status).toBe(422);
    expect(errorOf(nx.body).message).toContain(`${name} does not exist (NXDOMAIN)`);
    expect(errorOf(nx.body).message).toContain(
      `Create a TXT record ${name} with the value ${added.verification.value}`,
    );

    dns.setEmpty(name);
    expect(errorOf((await verifyDomain(p.members.owner.token, p.slug, host)).body).message).toContain(
      `${name} has no TXT record`,
    );

    dns.setTxt(name, ["flux-verify=someone-elses-token"]);
    const wrong = await verifyDomain(p.members.owner.token, p.slug, host);
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong.body).message).toMatch(
      /has TXT "flux-verify=someone-elses-token" but not the expected flux-verify=[0-9a-f]{32}/,
    );

    dns.setSilent(name);
    const timeout = await verifyDomain(p.members.owner.token, p.slug, host);
    expect(timeout.status).toBe(503);
    expect(errorOf(timeout.body)).toMatchObject({ code: "unavailable", message: expect.stringContaining("ETIMEOUT") });

    expect((await storedDomain(host))?.verifiedAt).toBeNull();
    expect((await auditActions(host)).map((a) => a.action)).toEqual(["domain.add"]);
  });

  it("does not accept another claim's token: a record published for project A does not verify B's claim of it", async () => {
    const a = await projectWithMembers(["owner"]);
    const b = await projectWithMembers(["owner"]);
    const host = freshHostname();
    const claimA = (await addDomain(a.members.owner.token, a.slug, host)).body as DomainBody;
    expect((await removeDomain(a.members.owner.token, a.slug, host)).status).toBe(200);
    dns.setTxt(claimA.verification.name, [claimA.verification.value]);
    const claimB = (await addDomain(b.members.owner.token, b.slug, host)).body as DomainBody;
    expect(claimB.verification.value).not.toBe(claimA.verification.value);
    expect((await verifyDomain(b.members.owner.token, b.slug, host)).status).toBe(422);
  });

  it("does not let a viewer verify (403), nor anyone through another project's slug (404)", async () => {
    const p = await projectWithMembers(["owner", "viewer"]);
    const outsider = await projectWithMembers(["owner"]);
    const host = freshHostname();
    const added = (await addDomain(p.members.owner.token, p.slug, host)).body as DomainBody;
    dns.setTxt(added.verification.name, [added.verification.value]);
    expect((await verifyDomain(p.members.viewer.token, p.slug, host)).status).toBe(403);
    expect((await verifyDomain(outsider.members.owner.token, outsider.slug, host)).status).toBe(404);
    expect((await verifyDomain(outsider.members.owner.token, p.slug, host)).status).toBe(404);
    expect((await storedDomain(host))?.verifiedAt).toBeNull();
  });
});

describe("DELETE /api/v1/projects/[slug]/domains/[hostname]", () => {
  it("removes the domain and audits it", async () => {
    const p = await projectWithMembers(["developer"]);
    const host = freshHostname();
    await addDomain(p.members.developer.token, p.slug, host);
    const res = await removeDomain(p.members.developer.token, p.slug, host);
    expect(res.status).toBe(200);
    expect(await storedDomain(host)).toBeUndefined();
    expect((await auditActions(host)).at(-1)).toMatchObject({
      action: "domain.remove",
      details: { slug: p.slug, hostname: host, wasVerified: false },
    });
    expect((await removeDomain(p.members.developer.token, p.slug, host)).status).toBe(404);
  });

  it("does not let a viewer (403) or a member of another project (404) remove someone's domain", async () => {
    const p = await projectWithMembers(["owner", "viewer"]);
    const outsider = await newSignedInUser();
    const host = freshHostname();
    await addDomain(p.members.owner.token, p.slug, host);
    expect((await removeDomain(p.members.viewer.token, p.slug, host)).status).toBe(403);
    const foreign = await removeDomain(outsider.token, p.slug, host);
    expect(foreign.status).toBe(404);
    expect(await storedDomain(host)).toBeDefined();
  });
});

describe("POST /api/v1/projects/[slug]/domains with Idempotency-Key", () => {
  it("replays a retried claim with the same key (same TXT record) instead of answering 409", async () => {
    const p = await projectWithMembers(["owner"]);
    const host = freshHostname();
    const headers = { "idempotency-key": `claim-${host}` };
    const send = () =>
      call(add, "POST", `/api/v1/projects/${p.slug}/domains`, {
        token: p.members.owner.token,
        params: { slug: p.slug },
        body: { hostname: host },
        headers,
      });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(201);
    expect([retry.status, retry.headers.get("idempotency-replayed"), retry.body]).toEqual([201, "true", first.body]);
    expect(await auditActions(host)).toHaveLength(1);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { addDomain, freshHostname, projectWithMembers } from "../../projects/[slug]/domains/domain-test-kit";
import { call, errorOf } from "../../route-test-kit";
import { GET } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const get = (token: string, hostname: string) =>
  call(GET, "GET", `/api/v1/domains/${hostname}`, { token, params: { hostname } });

describe("GET /api/v1/domains/[hostname]", () => {
  it("names the project a hostname belongs to, for any member (viewer included), in any letter case", async () => {
    const p = await projectWithMembers(["owner", "viewer"]);
    const host = freshHostname();
    await addDomain(p.members.owner.token, p.slug, host);
    const res = await get(p.members.viewer.token, host.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hostname: host, project: p.slug, status: "pending" });
  });

  it("answers an unknown hostname and another project's hostname alike (404), so ownership is not revealed", async () => {
    const p = await projectWithMembers(["owner"]);
    const outsider = await projectWithMembers(["owner"]);
    const host = freshHostname();
    await addDomain(p.members.owner.token, p.slug, host);
    const foreign = await get(outsider.members.owner.token, host);
    const unknown = await get(outsider.members.owner.token, freshHostname());
    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect(foreign.text).not.toContain(p.slug);
    expect(errorOf(foreign.body).message).toMatch(/^No custom domain/);
  });
});

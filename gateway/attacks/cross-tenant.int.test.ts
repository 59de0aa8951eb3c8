import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import { signProjectToken } from "@/lib/jwt";
import { schemaNameOf } from "@/lib/tenancy";
import { startRest, type RunningRest } from "@/rest/testing/harness";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { startTestGateway, type TestGateway } from "../testing/harness";
import { seedProject, type SeededProject } from "../testing/seed-project";
import { send } from "../testing/send";

/** Cross-tenant reads against the real rest: every {token of X, host of Y} pair, X ≠ Y, must read nothing. */
let rest: RunningRest;
let gw: TestGateway;
const tenants: TestTenant[] = [];
const projects: Array<{ name: string; project: SeededProject }> = [];

beforeAll(async () => {
  rest = await startRest();
  gw = await startTestGateway({ restUrl: rest.baseUrl });
  for (const name of ["A", "B", "C"]) {
    const tenant = await provisionTestTenant();
    tenants.push(tenant);
    await tenant.engine.importSql(tenant.project, {
      name: "notes",
      sql: `create table notes (id int primary key, title text not null);
        insert into notes values (1, ${quoteLiteral(`private note of tenant ${name}`)});
        grant select on notes to ${quoteIdent(tenant.credentials.role)};`,
      actorUserId: null,
    });
    projects.push({ name, project: await seedProject(gw.seedDb.db, { tenantId: tenant.tenantId, plan: "pro" }) });
  }
});
afterAll(async () => {
  await gw?.close();
  await rest?.close();
  for (const tenant of tenants) await tenant.cleanup();
});

const bearer = async (p: SeededProject) =>
  `Bearer ${(await signProjectToken({ secret: p.secret, role: "anon", expiresInSeconds: 60 })).token}`;
const pairs = () => projects.flatMap((x) => projects.filter((y) => y !== x).map((y) => [x, y] as const));

describe("cross-tenant reads through the real rest", () => {
  it("serves each project its own rows (the control case)", async () => {
    for (const { name, project } of projects) {
      const answer = await send(gw.port, {
        host: project.host,
        path: "/notes?select=title",
        headers: { Authorization: await bearer(project) },
      });
      expect(answer.json()).toEqual([{ title: `private note of tenant ${name}` }]);
    }
  });

  it("stops every {project X token, project Y host} pair before rest, and leaks no row", async () => {
    expect(pairs()).toHaveLength(6);
    for (const [x, y] of pairs()) {
      const answer = await send(gw.port, {
        host: y.project.host,
        path: "/notes?select=title",
        headers: { Authorization: await bearer(x.project) },
      });
      expect(answer.status, `${x.name}'s token at ${y.name}'s host`).toBe(401);
      expect(answer.json()).toMatchObject({ code: "FLUX-GW-AUTH-SIGNATURE" });
      expect(answer.body).not.toContain("private note");
    }
  });

  it("stops every {project X token + Accept-Profile of Y} pair from reading Y's schema", async () => {
    for (const [x, y] of pairs()) {
      const answer = await send(gw.port, {
        host: x.project.host,
        path: "/notes?select=title",
        headers: { Authorization: await bearer(x.project), "Accept-Profile": schemaNameOf(y.project.tenantId) },
      });
      expect(answer.status, `${x.name}'s token asking for ${y.name}'s schema`).toBe(406);
      expect(answer.json()).toMatchObject({ code: "PGRST106" });
      expect(answer.body).not.toContain("private note");
    }
  });
});

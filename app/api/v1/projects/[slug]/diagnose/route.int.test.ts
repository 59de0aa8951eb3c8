import { afterAll, describe, expect, it } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { closeControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import { newProject } from "../../../project-test-kit";
import { call, errorOf, newSignedInUser } from "../../../route-test-kit";
import { POST as diagnose } from "./route";

afterAll(async () => {
  await closeServerDb();
  await closeControlPlaneRedis();
});

const run = (token: string, slug: string, body: unknown) =>
  call(diagnose, "POST", `/api/v1/projects/${slug}/diagnose`, { token, params: { slug }, body });

describe("POST /api/v1/projects/[slug]/diagnose", () => {
  it("answers exactly { layer, code, evidence, fix } for a member, uncached", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const res = await run(owner.token, project.slug, { request: "GET /" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(res.body as object).sort()).toEqual(["code", "evidence", "fix", "layer"]);
    // The route consults the real backup catalogue: a new project has no backup yet.
    expect(res.body).toMatchObject({
      layer: "backup",
      code: "FLUX-DIAG-NO-BACKUP",
      fix: [`flux backup create --project ${project.slug}`, `flux backup verify --project ${project.slug} --latest`],
    });
  });

  it("names the bad field of invalid input (400)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const empty = await run(owner.token, project.slug, {});
    expect(empty.status).toBe(400);
    expect(errorOf(empty.body).message).toMatch(/at least one of request/);
    const badId = await run(owner.token, project.slug, { requestId: "a b" });
    expect(errorOf(badId.body).message).toMatch(/^requestId:/);
  });

  it("does not echo the token it was given, even for a token that fails", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const token =
      "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYXV0aGVudGljYXRlZCIsImV4cCI6MX0.c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g";
    const res = await run(owner.token, project.slug, { request: "GET /notes", token });
    expect(res.body).toMatchObject({ layer: "gateway_auth" });
    expect(res.text).not.toContain(token);
    expect(res.text).not.toContain("c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g");
  });

  it("lets support diagnose any project, and hides the project from a stranger (404)", async () => {
    const owner = await newSignedInUser();
    const project = await newProject(owner);
    const support = await newSignedInUser("support");
    expect((await run(support.token, project.slug, { request: "GET /" })).status).toBe(200);
    const stranger = await newSignedInUser();
    const refused = await run(stranger.token, project.slug, { request: "GET /" });
    expect(refused.status).toBe(404);
    expect(errorOf(refused.body).code).toBe("not_found");
  });
});

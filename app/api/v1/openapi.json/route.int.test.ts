import { afterAll, describe, expect, it } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { call } from "../route-test-kit";
import { GET } from "./route";

afterAll(closeServerDb);

describe("GET /api/v1/openapi.json", () => {
  it("serves the generated OpenAPI document without a token", async () => {
    const res = await call(GET, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      openapi: "3.1.0",
      paths: { "/projects/{slug}/members": { get: expect.any(Object), post: expect.any(Object) } },
    });
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    for (const path of [
      "/projects/{slug}/suspend",
      "/projects/{slug}/keys/rotate",
      "/projects/{slug}/domains",
      "/projects/{slug}/issuers",
    ]) {
      expect(paths, path).toContain(path);
    }
  });

  it("refuses a bad bearer token like every other route, in the one error envelope", async () => {
    const res = await call(GET, "GET", "/api/v1/openapi.json", { token: "flux_pat_nonsense" });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "unauthorized", requestId: expect.any(String) } });
  });
});

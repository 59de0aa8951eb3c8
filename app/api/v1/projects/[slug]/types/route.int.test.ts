import { afterAll, describe, expect, it } from "vitest";
import { closeServerDb } from "@/lib/api/server-db";
import { addMember, call, newSignedInUser, unique } from "../../../route-test-kit";
import { POST as create } from "../../route";
import { POST as push } from "../migrations/route";
import { GET } from "./route";

afterAll(closeServerDb);

async function projectOf(owner: { token: string }) {
  const slug = unique("types");
  const res = await call(create, "POST", "/api/v1/projects", { token: owner.token, body: { slug, plan: "free" } });
  return { slug, tenantId: (res.body as { tenantId: string }).tenantId };
}
const typesOf = (token: string, slug: string) =>
  call(GET, "GET", `/api/v1/projects/${slug}/types`, { token, params: { slug } });
type Generated = { schema: string; typescript: string };

describe("GET /api/v1/projects/[slug]/types", () => {
  it("answers the generated TypeScript for the project's schema, to a viewer too", async () => {
    const owner = await newSignedInUser();
    const viewer = await newSignedInUser();
    const { slug, tenantId } = await projectOf(owner);
    await addMember(tenantId, viewer.id, "viewer");
    const files = [
      {
        fileName: "0001_notes.sql",
        sql: "create table notes (id bigserial primary key, body text not null, done boolean default false);",
      },
    ];
    expect(
      (
        await call(push, "POST", `/api/v1/projects/${slug}/migrations`, {
          token: owner.token,
          params: { slug },
          body: { files },
        })
      ).status,
    ).toBe(200);
    const res = await typesOf(viewer.token, slug);
    expect(res.status).toBe(200);
    const body = res.body as Generated;
    expect(body.schema).toMatch(/^t_[0-9a-f]{12}_api$/);
    expect(body.typescript).toMatch(/notes: \{\s+Row: \{\s+id: number;\s+body: string;\s+done: boolean \| null;/);
    expect(body.typescript).toContain("Views: { [_ in never]: never };");
  });

  it("answers an empty schema with empty sections", async () => {
    const owner = await newSignedInUser();
    const { slug } = await projectOf(owner);
    const body = (await typesOf(owner.token, slug)).body as Generated;
    expect(body.typescript).toContain("Tables: { [_ in never]: never };");
    expect(body.typescript).toContain("Functions: { [_ in never]: never };");
  });

  it("does not describe another project's schema to a non-member (404)", async () => {
    const owner = await newSignedInUser();
    const stranger = await newSignedInUser();
    const { slug } = await projectOf(owner);
    expect((await typesOf(stranger.token, slug)).status).toBe(404);
  });
});

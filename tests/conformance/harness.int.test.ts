import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `create table films (id int primary key, title text not null);
      insert into films values (1, 'Alien'), (2, 'Brazil');
      grant select on films to ${quoteIdent(role)};`,
  );
});
afterAll(() => world?.close());

describe("the conformance harness", () => {
  it("reaches the tenant's rows through the gateway with postgrest-js", async () => {
    const client = await world.client();
    const { data, status, error } = await client.from("films").select("title").order("id");
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ title: "Alien" }, { title: "Brazil" }]);
  });

  it("sends raw requests with the project's Service URL as Host", async () => {
    const answer = await world.request("/films?id=eq.2&select=id");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ id: 2 }]);
    expect((await world.request("/films", { role: null })).status).toBe(401);
  });
});

import { describe, expect, it } from "vitest";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { planRead } from "@/rest/plan/plan-read";
import { filmScope, filmTable } from "@/rest/testing/film-scope";
import { buildReadStatement } from "./build-read";

const read = (table: string, query: string, count: "exact" | null = null) =>
  buildReadStatement(
    planRead(parseReadQuery(new URLSearchParams(query)), filmTable(table), 1000, { scope: filmScope, count }),
  );

describe("embedding SQL", () => {
  it("joins a to-one embed laterally and returns its row object or null", () => {
    const { text } = read("films", "select=title,directors(last_name)");
    expect(text).toContain(
      'select pgrst_t0."title", pgrst_l1.pgrst_body as "directors" from "api"."films" as pgrst_t0 left join lateral (select (select row_to_json(pgrst_r) from (select pgrst_t1."last_name") pgrst_r) as pgrst_body from "api"."directors" as pgrst_t1 where pgrst_t1."id" = pgrst_t0."director_id") as pgrst_l1 on true',
    );
  });

  it("aggregates a to-many embed with json_agg and answers [] when empty", () => {
    const { text } = read("directors", "select=id,films(title)");
    expect(text).toContain(`coalesce(pgrst_l1.pgrst_body, '[]'::json) as "films"`);
    expect(text).toContain("select json_agg(pgrst_s.pgrst_body) as pgrst_body from (");
  });

  it("joins many-to-many through the junction on both foreign keys", () => {
    const { text } = read("films", "select=id,actors(id)");
    expect(text).toContain(
      'from "api"."actors" as pgrst_t1 join "api"."roles" as pgrst_j1 on pgrst_j1."actor_id" = pgrst_t1."id" where pgrst_j1."film_id" = pgrst_t0."id"',
    );
  });

  it("binds embedded filter values, pages and spread keys; names from the client are quoted", () => {
    const statement = read(
      "films",
      'select=id,...directors(last_name)&directors.last_name=eq.x"y&directors.first_name=in.(a,b)',
    );
    expect(statement.values).toEqual(['x"y', ["a", "b"], "last_name", 1000]);
    expect(statement.text).toContain('pgrst_l1.pgrst_body->$3::text as "last_name"');
    expect(statement.text).not.toContain('x"y');
    const paged = read("directors", "select=id,films(id)&films.order=id.desc&films.limit=2&films.offset=1");
    expect(paged.text).toContain('order by pgrst_t1."id" desc limit $1 offset $2');
    expect(paged.values).toEqual([2, 1, 1000]);
  });

  it("!inner and presence filters become conditions on the embed's body, also in the count", () => {
    const inner = read("films", "select=id,directors!inner(id)", "exact");
    expect(inner.text).toContain("where pgrst_l1.pgrst_body is not null");
    expect(inner.text).toMatch(
      /\(select count\(\*\) from "api"\."films" as pgrst_t0 left join lateral .* where pgrst_l1\.pgrst_body is not null\) as total/,
    );
    expect(read("films", "select=id,directors()&directors=is.null").text).toContain(
      "where pgrst_l1.pgrst_body is null",
    );
  });

  it("orders by a to-one embed's row", () => {
    const { text } = read("films", "select=id,directors(id)&order=directors(last_name).desc");
    expect(text).toContain('order by (pgrst_l1.pgrst_row)."last_name" desc');
    expect(text).toContain("as pgrst_body, pgrst_t1 as pgrst_row from");
  });

  it("an empty embed is joined but not selected", () => {
    const { text } = read("films", "select=id,actors()");
    expect(text).toContain('select pgrst_t0."id" from');
    expect(text).toContain("'{}'::json as pgrst_body");
  });

  it("without embeds the statement is unchanged (unaliased, unqualified)", () => {
    expect(read("films", "select=id&id=eq.1").text).toContain('select "id" from "api"."films" where "id" = $1');
  });
});

import { describe, expect, it } from "vitest";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { planPage } from "@/rest/plan/plan-page";
import { planRead } from "@/rest/plan/plan-read";
import { tableInfo } from "@/rest/testing/table-info";
import { buildReadStatement } from "./build-read";
import { whereSql } from "./filter-sql";
import { Params } from "./statement";

const docs = tableInfo("docs", [
  ["id", "bigint"],
  ["data", "jsonb"],
  ["body", "text"],
  ["search", "tsvector"],
]);
const query = (text: string) => parseReadQuery(new URLSearchParams(text));
const read = (text: string, options = {}) => buildReadStatement(planRead(query(text), docs, 1000, options));

describe("buildReadStatement (grammar)", () => {
  it("binds JSON path keys with the type that picks the -> overload, and casts through quoteIdent", () => {
    const statement = read("select=x:data->a->>b,data->0,id::integer&data->>k=eq.v&order=data->k.desc");
    expect(statement.text).toContain(
      'select "data"->$1::text->>$2::text as "x", "data"->$3::int as "data", ("id")::"int4" as "id" from',
    );
    expect(statement.text).toContain('where "data"->>$4::text = $5 order by "data"->$6::text desc');
    expect(statement.values.slice(0, 6)).toEqual(["a", "b", 0, "k", "v", "k"]);
  });

  it("renders every operator family, negation and quantifiers with bound values", () => {
    const statement = read(
      "id=not.gt(all).{1,2}&body=like(any).{a*}&search=fts(english).cat&body=wfts.dog&data=cs.{}&id=isdistinct.3",
    );
    expect(statement.text).toContain(
      'not ("id" > all ($1)) and "body" like any ($2) and "search" @@ to_tsquery($3::regconfig, $4) and ' +
        'to_tsvector("body") @@ websearch_to_tsquery($5) and "data" @> $6 and "id" is distinct from $7',
    );
    expect(statement.values.slice(0, 7)).toEqual(["{1,2}", "{a%}", "english", "cat", "dog", "{}", "3"]);
  });

  it("renders nested logic trees inside parentheses", () => {
    const statement = read("id=eq.1&not.or=(id.eq.2,and(body.is.null,data->>a.in.(x,y)))");
    expect(statement.text).toContain(
      'where "id" = $1 and not ("id" = $2 or ("body" is null and "data"->>$3::text = any ($4)))',
    );
  });

  it("counts exactly in the same statement and adds an EXPLAIN follow-up for planned counts", () => {
    const exact = read("id=gt.1", { count: "exact" });
    expect(exact.text).toContain('(select count(*) from "t_0123456789ab_api"."docs" where "id" > $1) as total');
    expect(exact.followUps).toBeUndefined();
    const planned = read("id=gt.1", { count: "planned" });
    expect(planned.text).toContain("null::bigint as total");
    expect(planned.followUps).toEqual([
      { text: 'explain (format json) select 1 from "t_0123456789ab_api"."docs" where "id" > $1', values: ["1"] },
    ]);
  });

  it("refuses conditions on a resource that is not embedded with PGRST108", () => {
    for (const text of [
      "author.name=eq.x",
      "author.or=(a.eq.1)",
      "author.order=id",
      "author.limit=1",
      "order=author(id)",
    ]) {
      expect(() => read(text)).toThrowError(expect.objectContaining({ status: 400, code: "PGRST108" }));
    }
  });
});

describe("whereSql", () => {
  it("renders root filters and logic trees with an optional qualifier, for PATCH, DELETE and RPC", () => {
    const params = new Params();
    expect(whereSql(query("id=eq.1&or=(body.eq.a,body.eq.b)"), params, "_t")).toBe(
      '_t."id" = $1 and (_t."body" = $2 or _t."body" = $3)',
    );
    expect(params.values).toEqual(["1", "a", "b"]);
    expect(whereSql(query("select=id"), new Params())).toBeNull();
  });

  it("refuses a condition on an embed instead of dropping it (a DELETE must never widen to every row)", () => {
    for (const text of ["author.id=eq.1", "author.or=(id.eq.1)"]) {
      expect(() => whereSql(query(text), new Params())).toThrowError(
        expect.objectContaining({ status: 400, code: "PGRST200" }),
      );
    }
  });
});

describe("planPage", () => {
  it("intersects limit/offset with the Range header and caps at max rows", () => {
    expect(planPage({ limit: null, offset: null }, null, 100)).toEqual({ offset: 0, limit: 100 });
    expect(planPage({ limit: 10, offset: 5 }, { first: 0, last: 7 }, 100)).toEqual({ offset: 5, limit: 3 });
    expect(planPage({ limit: null, offset: null }, { first: 3, last: null }, 2)).toEqual({ offset: 3, limit: 2 });
    expect(planPage({ limit: 0, offset: 7 }, null, 100)).toEqual({ offset: 0, limit: 0 });
  });

  it("answers 416 PGRST103 for an empty intersection or a negative limit", () => {
    expect(() => planPage({ limit: null, offset: null }, { first: 2, last: 1 }, 100)).toThrowError(
      expect.objectContaining({ status: 416, code: "PGRST103" }),
    );
    expect(() => planPage({ limit: -1, offset: null }, null, 100)).toThrowError(
      expect.objectContaining({ status: 416, details: "Limit should be greater than or equal to zero." }),
    );
  });
});

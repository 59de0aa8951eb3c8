import { describe, expect, it } from "vitest";
import { parsePreferences } from "@/rest/parse/parse-prefer";
import { parseReadQuery } from "@/rest/parse/parse-read-query";
import { parseSelect } from "@/rest/parse/parse-select";
import { planDelete } from "@/rest/plan/plan-delete";
import { planInsert, type InsertRequest } from "@/rest/plan/plan-insert";
import { planUpdate } from "@/rest/plan/plan-update";
import { planUpsert } from "@/rest/plan/plan-upsert";
import type { ColumnInfo, TableInfo } from "@/rest/schema-cache/types";
import { buildDeleteStatement } from "./build-delete";
import { buildInsertStatement } from "./build-insert";
import { buildUpdateStatement } from "./build-update";

const column = (name: string): [string, ColumnInfo] => [
  name,
  { name, dataType: "text", notNull: false, hasDefault: false, primaryKey: name === "id" },
];
const notes: TableInfo = {
  schema: "s",
  name: "notes",
  kind: "table",
  columns: new Map([column("id"), column("title"), column("done")]),
};
const payload = (value: unknown) => ({ value, json: JSON.stringify(value) });
const insert = (body: unknown, prefer = "", extra: Partial<InsertRequest> = {}) =>
  planInsert(notes, {
    payload: payload(body),
    columns: null,
    onConflict: null,
    select: [],
    preferences: parsePreferences(prefer),
    ...extra,
  });
const query = (search: string) => parseReadQuery(new URLSearchParams(search));

describe("buildInsertStatement", () => {
  it("binds the rows as one JSON parameter and returns the projection from pgrst_source", () => {
    const plan = insert([{ title: "a" }, { title: "b" }], "return=representation", { select: parseSelect("id,title") });
    const statement = buildInsertStatement(plan);
    expect(statement.values).toEqual(['[{"title":"a"},{"title":"b"}]']);
    expect(statement.text).toContain(
      'insert into "s"."notes" ("title") select "title" from json_populate_recordset(null::"s"."notes", ' +
        "(case when json_typeof($1::json) = 'array' then $1::json else json_build_array($1::json) end)) pgrst_body " +
        'returning "s"."notes".*',
    );
    expect(statement.text).toContain('from (select "id", "title" from pgrst_source) _r');
  });

  it("returns only a constant for return=minimal, and the key for headers-only", () => {
    expect(buildInsertStatement(insert({ title: "x" })).text).toContain("returning 1)");
    expect(buildInsertStatement(insert({ title: "x" }, "return=headers-only")).text).toContain('returning "id")');
  });

  it("upserts on the primary key or on_conflict, counting inserted rows by xmax", () => {
    const merge = buildInsertStatement(insert({ id: 1, title: "x" }, "resolution=merge-duplicates")).text;
    expect(merge).toContain('on conflict ("id") do update set "id" = excluded."id", "title" = excluded."title"');
    expect(merge).toContain('("s"."notes".xmax = 0) as pgrst_inserted');
    const ignore = buildInsertStatement(
      insert({ title: "x" }, "resolution=ignore-duplicates", { onConflict: ["title"] }),
    ).text;
    expect(ignore).toContain('on conflict ("title") do nothing');
  });

  it("groups rows by present columns for missing=default so absent keys take defaults", () => {
    const plan = insert([{ id: 1, title: "a" }, { title: "b" }], "missing=default", { columns: ["id", "title"] });
    expect(plan.groups.map((group) => group.columns)).toEqual([["id", "title"], ["title"]]);
    const statement = buildInsertStatement(plan);
    expect(statement.text).toContain("pgrst_write_1 as (insert into");
    expect(statement.text).toContain("with ordinality as e(value, position) where e.position = any($3)");
    expect(statement.values).toEqual(['[{"id":1,"title":"a"},{"title":"b"}]', [1], [2]]);
  });

  it("refuses unknown columns (PGRST204), mismatched keys and non-objects (PGRST102)", () => {
    expect(() => insert({ nope: 1 })).toThrowError(expect.objectContaining({ code: "PGRST204" }));
    expect(() => insert([{ title: "a" }, { done: true }])).toThrowError(
      expect.objectContaining({ message: "All object keys must match" }),
    );
    expect(() => insert([1, 2])).toThrowError(
      expect.objectContaining({ code: "PGRST102", message: "All object keys must match" }),
    );
    expect(() => insert(7)).toThrowError(
      expect.objectContaining({ code: "PGRST102", message: "Empty or invalid json" }),
    );
  });
});

describe("buildUpdateStatement and buildDeleteStatement", () => {
  it("sets the payload's columns from one bound object, filters bound", () => {
    const plan = planUpdate(notes, {
      payload: payload({ title: "t" }),
      columns: null,
      query: query("id=eq.3"),
      preferences: parsePreferences(""),
    });
    const statement = buildUpdateStatement(plan);
    expect(statement.text).toContain(
      'update "s"."notes" set ("title") = (select "title" from json_populate_record(null::"s"."notes", ' +
        "(case when json_typeof($1::json) = 'array' then $1::json -> 0 else $1::json end))) where \"id\" = $2",
    );
    expect(statement.values).toEqual(['{"title":"t"}', "3"]);
  });

  it("limits by an ordered ctid window, and refuses a limit without order (PGRST109)", () => {
    const statement = buildDeleteStatement(
      planDelete(notes, { query: query("order=id.desc&limit=2&done=is.true"), preferences: parsePreferences("") }),
    );
    expect(statement.text).toContain(
      'where ctid = any(array(select ctid from "s"."notes" where "done" is true order by "id" desc limit $1))',
    );
    expect(() => planDelete(notes, { query: query("limit=1"), preferences: parsePreferences("") })).toThrowError(
      expect.objectContaining({ status: 400, code: "PGRST109" }),
    );
  });
});

describe("planUpsert (PUT)", () => {
  const put = (search: string, body: unknown = { id: "1", title: "x" }) =>
    planUpsert(notes, { payload: payload(body), query: query(search), preferences: parsePreferences("") });

  it("applies the key filters to the payload row and merges on the primary key", () => {
    const text = buildInsertStatement(put("id=eq.1")).text;
    expect(text).toContain('pgrst_body where "id" = $2 limit 1 on conflict ("id") do update set');
  });

  it("keeps the payload's text as sent, so big numbers are not rounded", () => {
    const json = '{"id": 9007199254740993, "title": "big"}';
    const plan = planUpsert(notes, {
      payload: { value: JSON.parse(json), json },
      query: query("id=eq.9007199254740993"),
      preferences: parsePreferences(""),
    });
    expect(buildInsertStatement(plan).values[0]).toBe(json);
  });

  it("answers 405 PGRST105 unless the filters are exactly the key with eq, 400 PGRST114 for limit", () => {
    for (const search of ["title=eq.x", "id=neq.1", "id=not.eq.1", "id=in.(1)", "id=eq.1&title=eq.x", ""]) {
      expect(() => put(search)).toThrowError(expect.objectContaining({ status: 405, code: "PGRST105" }));
    }
    expect(() => put("id=eq.1&limit=1")).toThrowError(expect.objectContaining({ status: 400, code: "PGRST114" }));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

/**
 * Writes, checked against PostgREST 12/13's documented answers (test/spec/Feature/Query/{Insert,Upsert,
 * Update,Delete,LimitedMutation,Preferences}Spec.hs and references/api/tables_views.rst).
 */
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(({ role, schema }) => {
    const api = quoteIdent(role);
    return `
      create table films (id int primary key, title text not null, year int);
      create table items (id serial primary key, name text, status text not null default 'new');
      create table tiobe (name text primary key, rank int);
      create table employees (first_name text, last_name text, salary int, primary key (first_name, last_name));
      create table no_pk (a text, b text);
      create table uniq (key int unique, value text);
      create table queue (id int primary key, name text);
      create table reviews (id int primary key, film_id int references films (id), stars int);
      create table inbox (id serial primary key, msg text);
      create table big (id bigint primary key, amount numeric);
      insert into tiobe values ('Java', 1), ('C', 2), ('Python', 3);
      insert into uniq values (1, 'A');
      grant select, insert, update, delete on films, items, tiobe, employees, no_pk, uniq, queue, reviews, big to ${api};
      grant insert on inbox to ${api};
      revoke select on inbox from ${api};
      grant usage on all sequences in schema ${quoteIdent(schema)} to ${api};`;
  });
});
afterAll(() => world?.close());

const json = (value: unknown) => JSON.stringify(value);
const post = (path: string, body: string, prefer?: string, headers: Record<string, string> = {}) =>
  world.request(path, { method: "POST", body, headers: { ...(prefer ? { prefer } : {}), ...headers } });
const rowsOf = async (path: string) => (await world.request(path)).json();

describe("POST through postgrest-js", () => {
  it("inserts one object: 201, no body", async () => {
    const client = await world.client();
    const { status, data, error } = await client.from("films").insert({ id: 1, title: "Alien" });
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toBeNull();
    expect(await rowsOf("/films?id=eq.1")).toEqual([{ id: 1, title: "Alien", year: null }]);
  });

  it("returns the inserted rows with .select(), projected", async () => {
    const client = await world.client();
    const { status, data } = await client
      .from("films")
      .insert([
        { id: 2, title: "Brazil", year: 1985 },
        { id: 3, title: "Cube", year: 1997 },
      ])
      .select("id,title");
    expect(status).toBe(201);
    expect(data).toEqual([
      { id: 2, title: "Brazil" },
      { id: 3, title: "Cube" },
    ]);
  });

  it("counts the inserted rows with count: exact", async () => {
    const client = await world.client();
    const { status, count } = await client.from("films").insert(
      [
        { id: 4, title: "D" },
        { id: 5, title: "E" },
      ],
      { count: "exact" },
    );
    expect(status).toBe(201);
    expect(count).toBe(2);
  });

  it("returns one object with .single()", async () => {
    const client = await world.client();
    const { status, data } = await client.from("films").insert({ id: 6, title: "F" }).select().single();
    expect(status).toBe(201);
    expect(data).toEqual({ id: 6, title: "F", year: null });
  });

  it("answers 406 PGRST116 for .single() on a bulk insert and rolls it back", async () => {
    const client = await world.client();
    const { status, error } = await client
      .from("films")
      .insert([
        { id: 7, title: "G" },
        { id: 8, title: "H" },
      ])
      .select()
      .single();
    expect(status).toBe(406);
    expect(error).toMatchObject({ code: "PGRST116", details: "The result contains 2 rows" });
    expect(await rowsOf("/films?id=in.(7,8)")).toEqual([]);
  });

  it("answers 409 23505 for a duplicate primary key, with PostgreSQL's message", async () => {
    const client = await world.client();
    const { status, error } = await client.from("films").insert({ id: 1, title: "again" });
    expect(status).toBe(409);
    expect(error).toEqual({
      code: "23505",
      message: 'duplicate key value violates unique constraint "films_pkey"',
      details: "Key (id)=(1) already exists.",
      hint: null,
    });
  });

  it("answers 400 23502 for a not-null violation", async () => {
    const client = await world.client();
    const { status, error } = await client.from("films").insert({ id: 9 });
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: "23502",
      message: 'null value in column "title" of relation "films" violates not-null constraint',
    });
  });

  it("answers 409 23503 for a foreign key violation", async () => {
    const client = await world.client();
    const { status, error } = await client.from("reviews").insert({ id: 1, film_id: 999, stars: 5 });
    expect(status).toBe(409);
    expect(error?.code).toBe("23503");
  });

  it("answers 400 22P02 for a value of the wrong type", async () => {
    const client = await world.client();
    const { status, error } = await client.from("films").insert({ id: "ten", title: "x" });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: "22P02", message: 'invalid input syntax for type integer: "ten"' });
  });

  it("answers 400 PGRST204 for a column the table lacks", async () => {
    const client = await world.client();
    const { status, error } = await client.from("films").insert({ id: 10, title: "x", nope: 1 });
    expect(status).toBe(400);
    expect(error).toEqual({
      code: "PGRST204",
      message: "Could not find the 'nope' column of 'films' in the schema cache",
      details: null,
      hint: null,
    });
  });

  it("gives absent keys NULL by default (columns=), so a NOT NULL column with a default fails", async () => {
    const client = await world.client();
    const { status, error } = await client.from("items").insert([{ name: "a", status: "done" }, { name: "b" }]);
    expect(status).toBe(400);
    expect(error?.code).toBe("23502");
  });

  it("gives absent keys their column default with defaultToNull: false (missing=default)", async () => {
    const client = await world.client();
    const { status, data } = await client
      .from("items")
      .insert([{ name: "a1", status: "done" }, { name: "b1" }], { defaultToNull: false })
      .select("name,status");
    expect(status).toBe(201);
    expect(data).toEqual([
      { name: "a1", status: "done" },
      { name: "b1", status: "new" },
    ]);
  });

  it("inserts into a table the role may only insert into with return=minimal (no SELECT needed)", async () => {
    const client = await world.client();
    expect((await client.from("inbox").insert({ msg: "hi" })).status).toBe(201);
    const { status, error } = await client.from("inbox").insert({ msg: "hi" }).select();
    expect(status).toBe(403);
    expect(error?.code).toBe("42501");
  });
});

describe("writes and SQL injection", () => {
  it("stores a payload value that looks like SQL verbatim, as data", async () => {
    const client = await world.client();
    const title = "x'); drop table films; --";
    const { status, data } = await client.from("films").insert({ id: 70, title }).select("title").single();
    expect(status).toBe(201);
    expect(data).toEqual({ title });
    expect(await rowsOf("/films?id=eq.70&select=title")).toEqual([{ title }]);
  });

  it("refuses a payload key carrying SQL as an unknown column (PGRST204), running nothing", async () => {
    const answer = await post("/films", json({ id: 71, 'title") values (1); drop table films; --': "x" }));
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "PGRST204" });
    expect((await world.request("/films?id=eq.1&select=id")).json()).toEqual([{ id: 1 }]);
  });

  it("keeps serving after a singular write fails inside PostgreSQL (the connection comes back clean)", async () => {
    const client = await world.client();
    const failed = await client.from("films").insert({ id: 1, title: "dup" }).select().single();
    expect(failed.status).toBe(409);
    const next = await client.from("films").insert({ id: 72, title: "after" }).select("id").single();
    expect([next.status, next.data]).toEqual([201, { id: 72 }]);
  });
});

describe("upserts through postgrest-js", () => {
  it("merges on the primary key: updates existing rows and inserts new ones (201)", async () => {
    const client = await world.client();
    const { status, data } = await client
      .from("tiobe")
      .upsert([
        { name: "Java", rank: 5 },
        { name: "Go", rank: 9 },
      ])
      .select();
    expect(status).toBe(201);
    expect(data).toEqual([
      { name: "Java", rank: 5 },
      { name: "Go", rank: 9 },
    ]);
  });

  it("answers 200 when merge-duplicates only updated rows", async () => {
    const client = await world.client();
    const { status, data } = await client
      .from("tiobe")
      .upsert([{ name: "C", rank: 7 }])
      .select();
    expect(status).toBe(200);
    expect(data).toEqual([{ name: "C", rank: 7 }]);
  });

  it("skips existing rows with ignoreDuplicates and returns only the inserted", async () => {
    const client = await world.client();
    const { status, data } = await client
      .from("tiobe")
      .upsert(
        [
          { name: "Python", rank: 1 },
          { name: "Rust", rank: 4 },
        ],
        { ignoreDuplicates: true },
      )
      .select();
    expect(status).toBe(201);
    expect(data).toEqual([{ name: "Rust", rank: 4 }]);
    expect(await rowsOf("/tiobe?name=eq.Python")).toEqual([{ name: "Python", rank: 3 }]);
  });

  it("uses onConflict columns as the conflict target", async () => {
    const client = await world.client();
    const { status, data } = await client
      .from("uniq")
      .upsert(
        [
          { key: 1, value: "B" },
          { key: 2, value: "C" },
        ],
        { onConflict: "key" },
      )
      .select();
    expect(status).toBe(201);
    expect(data).toEqual([
      { key: 1, value: "B" },
      { key: 2, value: "C" },
    ]);
  });

  it("merges with missing=default: a row without the serial key inserts, one with it updates", async () => {
    const client = await world.client();
    const created = await client.from("items").insert({ name: "orig", status: "done" }).select("id").single();
    const id = (created.data as { id: number }).id;
    const { status, data } = await client
      .from("items")
      .upsert([{ id, name: "updated" }, { name: "fresh" }], { defaultToNull: false })
      .select("name,status");
    expect(status).toBe(201);
    // status is outside columns= (postgrest-js sends the payload's keys), so the update keeps it, as PostgREST does.
    expect(data).toEqual([
      { name: "updated", status: "done" },
      { name: "fresh", status: "new" },
    ]);
  });

  it("counts upserted rows with count: exact", async () => {
    const client = await world.client();
    const { count, status } = await client.from("tiobe").upsert(
      [
        { name: "Java", rank: 6 },
        { name: "Zig", rank: 20 },
      ],
      { count: "exact" },
    );
    expect(status).toBe(201);
    expect(count).toBe(2);
  });
});

describe("POST over raw HTTP", () => {
  it("answers return=headers-only with Location and no body", async () => {
    const answer = await post("/films?select=title", json({ id: 20, title: "T" }), "return=headers-only");
    expect(answer.status).toBe(201);
    expect(answer.text).toBe("");
    expect(answer.headers["content-type"]).toBeUndefined();
    expect(answer.headers.location).toBe("/films?id=eq.20");
    expect(answer.headers["content-range"]).toBe("*/*");
    expect(answer.headers["preference-applied"]).toBe("return=headers-only");
  });

  it("percent-encodes a composite key in Location", async () => {
    const answer = await post(
      "/employees",
      json({ first_name: "Ann Lee", last_name: "R&D", salary: 1 }),
      "return=headers-only",
    );
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe("/employees?first_name=eq.Ann%20Lee&last_name=eq.R%26D");
  });

  it("sends no Location for a bulk insert or for return=representation", async () => {
    const bulk = await post(
      "/films",
      json([
        { id: 21, title: "a" },
        { id: 22, title: "b" },
      ]),
      "return=headers-only",
    );
    expect(bulk.status).toBe(201);
    expect(bulk.headers.location).toBeUndefined();
    const full = await post("/films", json({ id: 23, title: "c" }), "return=representation");
    expect(full.status).toBe(201);
    expect(full.headers.location).toBeUndefined();
    expect(full.headers["content-range"]).toBe("*/*");
    expect(full.headers["preference-applied"]).toBe("return=representation");
    expect(full.json()).toEqual([{ id: 23, title: "c", year: null }]);
  });

  it("answers return=minimal with an empty 201 and no Content-Type", async () => {
    const answer = await post("/films?select=id", json({ id: 24, title: "d" }), "return=minimal");
    expect(answer.status).toBe(201);
    expect(answer.text).toBe("");
    expect(answer.headers["content-type"]).toBeUndefined();
    expect(answer.headers["preference-applied"]).toBe("return=minimal");
  });

  it("reports the count in Content-Range and both preferences as applied", async () => {
    const answer = await post("/films", json({ id: 25, title: "e" }), "return=representation, count=exact");
    expect(answer.status).toBe(201);
    expect(answer.headers["content-range"]).toBe("*/1");
    expect(answer.headers["preference-applied"]).toBe("return=representation, count=exact");
  });

  it("reports resolution only where it applied (not on a table without a key)", async () => {
    const keyed = await post(
      "/tiobe",
      json([{ name: "Ada", rank: 30 }]),
      "return=representation, resolution=merge-duplicates",
    );
    expect(keyed.headers["preference-applied"]).toBe("resolution=merge-duplicates, return=representation");
    const unkeyed = await post(
      "/no_pk",
      json([{ a: "1", b: "0" }]),
      "return=representation, resolution=merge-duplicates",
    );
    expect(unkeyed.status).toBe(201);
    expect(unkeyed.json()).toEqual([{ a: "1", b: "0" }]);
    expect(unkeyed.headers["preference-applied"]).toBe("return=representation");
  });

  it("answers 200 [] for an empty merge and 201 [] for an empty insert", async () => {
    const merged = await post("/tiobe", "[]", "return=representation, resolution=merge-duplicates");
    expect([merged.status, merged.json()]).toEqual([200, []]);
    const inserted = await post("/no_pk", "[]", "return=representation");
    expect([inserted.status, inserted.json()]).toEqual([201, []]);
  });

  it("inserts a CSV body: header line = columns, NULL = null", async () => {
    const answer = await post("/films", 'id,title,year\n30,Heat,1995\n31,"Ran, again",NULL', "return=representation", {
      "content-type": "text/csv",
    });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual([
      { id: 30, title: "Heat", year: 1995 },
      { id: 31, title: "Ran, again", year: null },
    ]);
  });

  it("refuses a CSV body with ragged lines (400 PGRST102)", async () => {
    const answer = await post("/films", "id,title\n32\n", undefined, { "content-type": "text/csv" });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "PGRST102" });
  });

  it("inserts an HTML form body as one row", async () => {
    const answer = await post("/films", "id=33&title=Form", "return=representation", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual([{ id: 33, title: "Form", year: null }]);
  });

  it("answers 415 PGRST107 for a body type it cannot read", async () => {
    const answer = await post("/films", "<film/>", undefined, { "content-type": "application/xml" });
    expect(answer.status).toBe(415);
    expect(answer.json()).toMatchObject({ code: "PGRST107" });
  });

  it("answers 400 PGRST102 'Empty or invalid json' for malformed and empty bodies", async () => {
    const expected = { code: "PGRST102", message: "Empty or invalid json", details: null, hint: null };
    for (const body of ["}{ x = 2", ""]) {
      const answer = await post("/films", body);
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual(expected);
    }
  });

  it("answers 400 'All object keys must match' for mixed keys or non-objects in an array", async () => {
    const expected = { code: "PGRST102", message: "All object keys must match", details: null, hint: null };
    for (const body of [
      json([
        { id: 40, title: "a" },
        { id: 41, title: "b", year: 1 },
      ]),
      json([{ id: 42, title: "a" }, 123]),
    ]) {
      const answer = await post("/films", body);
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual(expected);
    }
  });

  it("ignores keys outside columns= and lets rows differ", async () => {
    const answer = await post(
      "/films?columns=id,title",
      json([
        { id: 43, title: "a", bogus: 1 },
        { id: 44, title: "b" },
      ]),
      "return=representation",
    );
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual([
      { id: 43, title: "a", year: null },
      { id: 44, title: "b", year: null },
    ]);
  });

  it("stores numbers exactly as sent (bigint beyond 2^53, long numerics) on POST and PATCH", async () => {
    const inserted = await post(
      "/big",
      '{"id": 9007199254740993, "amount": 0.1000000000000000055}',
      "return=representation",
    );
    expect(inserted.status).toBe(201);
    expect(inserted.text).toBe('[{"id":9007199254740993,"amount":0.1000000000000000055}]');
    const patched = await world.request("/big?id=eq.9007199254740993", {
      method: "PATCH",
      body: '{"amount": 12345678901234567890.5}',
      headers: { prefer: "return=representation" },
    });
    expect(patched.text).toBe('[{"id":9007199254740993,"amount":12345678901234567890.5}]');
  });

  it("answers 413 for a body over FLUX_BODY_LIMIT_BYTES", async () => {
    const answer = await post("/films", json({ id: 45, title: "x".repeat(1_100_000) }));
    expect(answer.status).toBe(413);
    expect(await rowsOf("/films?id=eq.45")).toEqual([]);
  });
});

describe("PATCH", () => {
  beforeAll(async () => {
    const client = await world.client();
    await client.from("queue").insert([1, 2, 3, 4, 5, 6].map((id) => ({ id, name: `item-${id}` })));
  });

  it("updates the filtered rows: 204 without a body", async () => {
    const client = await world.client();
    const { status, data } = await client.from("queue").update({ name: "one" }).eq("id", 1);
    expect([status, data]).toEqual([204, null]);
    expect(await rowsOf("/queue?id=eq.1")).toEqual([{ id: 1, name: "one" }]);
  });

  it("returns the updated rows with .select(): 200 and Content-Range 0-0/*", async () => {
    const answer = await world.request("/queue?id=eq.2&select=name", {
      method: "PATCH",
      body: json({ name: "two" }),
      headers: { prefer: "return=representation" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ name: "two" }]);
    expect(answer.headers["content-range"]).toBe("0-0/*");
    expect(answer.headers["preference-applied"]).toBe("return=representation");
  });

  it("answers 200 [] with Content-Range */* when nothing matched", async () => {
    const answer = await world.request("/queue?id=eq.999", {
      method: "PATCH",
      body: json({ name: "x" }),
      headers: { prefer: "return=representation" },
    });
    expect([answer.status, answer.json(), answer.headers["content-range"]]).toEqual([200, [], "*/*"]);
  });

  it("counts updated rows (count: exact → 0-1/2)", async () => {
    const client = await world.client();
    const { status, count } = await client.from("queue").update({ name: "low" }, { count: "exact" }).in("id", [3, 4]);
    expect(status).toBe(204);
    expect(count).toBe(2);
    const raw = await world.request("/queue?id=in.(3,4)", {
      method: "PATCH",
      body: json({ name: "low" }),
      headers: { prefer: "count=exact" },
    });
    expect(raw.headers["content-range"]).toBe("0-1/2");
  });

  it("rolls back a .single() update that matched two rows (406)", async () => {
    const client = await world.client();
    const { status, error } = await client.from("queue").update({ name: "oops" }).in("id", [5, 6]).select().single();
    expect(status).toBe(406);
    expect(error?.code).toBe("PGRST116");
    expect(await rowsOf("/queue?id=in.(5,6)&order=id")).toEqual([
      { id: 5, name: "item-5" },
      { id: 6, name: "item-6" },
    ]);
  });

  it("updates only the ordered limit/offset window", async () => {
    const answer = await world.request("/queue?order=id.desc&limit=1&offset=1&id=gte.5", {
      method: "PATCH",
      body: json({ name: "windowed" }),
    });
    expect(answer.status).toBe(204);
    expect(await rowsOf("/queue?id=gte.5&order=id")).toEqual([
      { id: 5, name: "windowed" },
      { id: 6, name: "item-6" },
    ]);
  });

  it("refuses limit without order: 400 PGRST109", async () => {
    const answer = await world.request("/queue?limit=1", { method: "PATCH", body: json({ name: "x" }) });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      code: "PGRST109",
      message: "A 'limit' was applied without an explicit 'order'",
      details: null,
      hint: "Apply an 'order' using unique column(s)",
    });
  });

  it("answers 400 PGRST204 for an unknown payload column and 42703 for an unknown filter column", async () => {
    const client = await world.client();
    expect((await client.from("queue").update({ nope: 1 }).eq("id", 1)).error?.code).toBe("PGRST204");
    const { status, error } = await client.from("queue").update({ name: "x" }).eq("nope", 1);
    expect(status).toBe(400);
    expect(error?.code).toBe("42703");
  });

  it("changes nothing for an empty payload ({}, [], [{}]): 204, Content-Range */*", async () => {
    for (const body of ["{}", "[]", "[{}]"]) {
      const answer = await world.request("/queue?id=eq.1", { method: "PATCH", body });
      expect([answer.status, answer.headers["content-range"], answer.text]).toEqual([204, "*/*", ""]);
    }
    const represented = await world.request("/queue?select=id", {
      method: "PATCH",
      body: "{}",
      headers: { prefer: "return=representation" },
    });
    expect([represented.status, represented.json()]).toEqual([200, []]);
    expect(await rowsOf("/queue?id=eq.1")).toEqual([{ id: 1, name: "one" }]);
  });

  it("rolls back past max-affected under handling=strict: 400 PGRST124", async () => {
    const answer = await world.request("/queue?id=in.(3,4)", {
      method: "PATCH",
      body: json({ name: "many" }),
      headers: { prefer: "handling=strict, max-affected=1" },
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      code: "PGRST124",
      message: "Query result exceeds max-affected preference constraint",
      details: "The query affects 2 rows",
      hint: null,
    });
    expect(await rowsOf("/queue?id=in.(3,4)&select=name")).toEqual([{ name: "low" }, { name: "low" }]);
  });

  it("applies max-affected within the limit and reports it; ignores it when lenient", async () => {
    const within = await world.request("/queue?id=eq.3", {
      method: "PATCH",
      body: json({ name: "three" }),
      headers: { prefer: "handling=strict, max-affected=1" },
    });
    expect([within.status, within.headers["preference-applied"]]).toEqual([204, "handling=strict, max-affected=1"]);
    const lenient = await world.request("/queue?id=in.(3,4)", {
      method: "PATCH",
      body: json({ name: "both" }),
      headers: { prefer: "handling=lenient, max-affected=1" },
    });
    expect([lenient.status, lenient.headers["preference-applied"]]).toEqual([204, "handling=lenient"]);
  });

  it("answers 400 PGRST102 for a malformed body", async () => {
    const answer = await world.request("/queue?id=eq.1", { method: "PATCH", body: "{oops" });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "PGRST102", message: "Empty or invalid json" });
  });
});

describe("DELETE", () => {
  beforeAll(async () => {
    const client = await world.client();
    await client.from("no_pk").delete().neq("a", "__none__");
    await client
      .from("employees")
      .insert([1, 2, 3, 4, 5, 6, 7].map((n) => ({ first_name: "del", last_name: `n${n}`, salary: n })));
  });

  it("deletes the filtered rows: 204", async () => {
    const client = await world.client();
    const { status } = await client.from("employees").delete().eq("first_name", "del").eq("last_name", "n1");
    expect(status).toBe(204);
    expect(await rowsOf("/employees?last_name=eq.n1")).toEqual([]);
  });

  it("returns the deleted rows with .select(): 200", async () => {
    const client = await world.client();
    const { status, data } = await client.from("employees").delete().eq("last_name", "n2").select("last_name,salary");
    expect(status).toBe(200);
    expect(data).toEqual([{ last_name: "n2", salary: 2 }]);
  });

  it("counts deleted rows: Content-Range */2", async () => {
    const answer = await world.request("/employees?last_name=in.(n3,n4)", {
      method: "DELETE",
      headers: { prefer: "count=exact" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["content-range"]).toBe("*/2");
    expect(answer.headers["preference-applied"]).toBe("count=exact");
  });

  it("deletes only the ordered limit/offset window", async () => {
    const answer = await world.request("/employees?first_name=eq.del&order=salary&limit=1&offset=1", {
      method: "DELETE",
    });
    expect(answer.status).toBe(204);
    expect((await rowsOf("/employees?first_name=eq.del&select=salary&order=salary")) as unknown).toEqual([
      { salary: 5 },
      { salary: 7 },
    ]);
  });

  it("refuses limit without order: 400 PGRST109", async () => {
    const answer = await world.request("/employees?limit=1&offset=1", { method: "DELETE" });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "PGRST109", hint: "Apply an 'order' using unique column(s)" });
  });

  it("refuses a delete past max-affected (what postgrest-js .maxAffected() sends) and keeps the rows", async () => {
    // The harness's client is typed for PostgREST 12, where .maxAffected() does not type-check; send its headers.
    const answer = await world.request("/employees?first_name=eq.del", {
      method: "DELETE",
      headers: { prefer: "handling=strict, max-affected=1" },
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "PGRST124", details: "The query affects 2 rows" });
    expect(await rowsOf("/employees?first_name=eq.del&select=salary&order=salary")).toEqual([
      { salary: 5 },
      { salary: 7 },
    ]);
  });

  it("a delete with an or=(…) filter removes only the rows the tree matches, never more", async () => {
    const client = await world.client();
    await client.from("no_pk").insert([
      { a: "or-1", b: "x" },
      { a: "or-2", b: "y" },
      { a: "or-3", b: "z" },
    ]);
    const { status, data } = await client.from("no_pk").delete().or("a.eq.or-1,b.eq.y").select("a");
    expect(status).toBe(200);
    expect(data).toEqual([{ a: "or-1" }, { a: "or-2" }]);
    expect(await rowsOf("/no_pk?a=like.or-*&select=a")).toEqual([{ a: "or-3" }]);
  });

  it("a PATCH with a not.and=(…) tree changes only the rows outside it", async () => {
    await post("/no_pk", json([{ a: "or-4", b: "w" }]));
    const answer = await world.request("/no_pk?a=like.or-*&not.and=(a.eq.or-3)&select=a", {
      method: "PATCH",
      body: json({ b: "patched" }),
      headers: { prefer: "return=representation" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ a: "or-4" }]);
    expect(await rowsOf("/no_pk?a=like.or-*&select=a,b&order=a")).toEqual([
      { a: "or-3", b: "z" },
      { a: "or-4", b: "patched" },
    ]);
  });

  it("undoes a delete with .rollback() (Prefer: tx=rollback)", async () => {
    const answer = await world.request("/employees?last_name=eq.n7", {
      method: "DELETE",
      headers: { prefer: "return=representation, tx=rollback" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ first_name: "del", last_name: "n7", salary: 7 }]);
    expect(answer.headers["preference-applied"]).toBe("return=representation, tx=rollback");
    expect(await rowsOf("/employees?last_name=eq.n7&select=salary")).toEqual([{ salary: 7 }]);
  });
});

describe("PUT", () => {
  const put = (path: string, body: unknown, prefer = "return=representation") =>
    world.request(path, { method: "PUT", body: json(body), headers: { prefer } });

  it("inserts a missing row: 201 with the row, no Content-Range", async () => {
    const answer = await put("/tiobe?name=eq.Elixir", [{ name: "Elixir", rank: 40 }]);
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual([{ name: "Elixir", rank: 40 }]);
    expect(answer.headers["content-range"]).toBeUndefined();
  });

  it("replaces an existing row: 200", async () => {
    const answer = await put("/tiobe?name=eq.Elixir", { name: "Elixir", rank: 41 });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([{ name: "Elixir", rank: 41 }]);
  });

  it("answers 204 for return=minimal, with Preference-Applied", async () => {
    const answer = await put(
      "/employees?first_name=eq.Pat&last_name=eq.Kim",
      { first_name: "Pat", last_name: "Kim", salary: 3 },
      "return=minimal",
    );
    expect(answer.status).toBe(204);
    expect(answer.headers["preference-applied"]).toBe("return=minimal");
    expect(await rowsOf("/employees?first_name=eq.Pat&select=salary")).toEqual([{ salary: 3 }]);
  });

  it("answers 405 PGRST105 unless the filters are exactly the primary key with eq", async () => {
    const expected = {
      code: "PGRST105",
      message: "Filters must include all and only primary key columns with 'eq' operators",
      details: null,
      hint: null,
    };
    for (const path of [
      "/tiobe?rank=eq.19",
      "/tiobe?name=not.eq.Go",
      "/tiobe?name=in.(Go)",
      "/employees?first_name=eq.Pat",
      "/no_pk?a=eq.one&b=eq.two",
    ]) {
      const answer = await put(path, [{ name: "Go", rank: 19 }]);
      expect(answer.status).toBe(405);
      expect(answer.json()).toEqual(expected);
    }
  });

  it("answers 400 PGRST115 when the payload's key differs from the URL's, writing nothing", async () => {
    const answer = await put("/tiobe?name=eq.MATLAB", [{ name: "Perl", rank: 17 }]);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      code: "PGRST115",
      message: "Payload values do not match URL in primary key column(s)",
      details: null,
      hint: null,
    });
    expect(await rowsOf("/tiobe?name=in.(MATLAB,Perl)")).toEqual([]);
  });

  it("answers 400 PGRST114 for limit or offset", async () => {
    const answer = await put("/tiobe?name=eq.Go&limit=1", [{ name: "Go", rank: 1 }]);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      code: "PGRST114",
      message: "limit/offset querystring parameters are not allowed for PUT",
      details: null,
      hint: null,
    });
  });
});

describe("Prefer: tx and handling", () => {
  it("runs a write and rolls it back with tx=rollback", async () => {
    const answer = await post("/films", json({ id: 60, title: "ghost" }), "return=representation, tx=rollback");
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual([{ id: 60, title: "ghost", year: null }]);
    expect(answer.headers["preference-applied"]).toBe("return=representation, tx=rollback");
    expect(await rowsOf("/films?id=eq.60")).toEqual([]);
  });

  it("rolls back through postgrest-js .rollback()", async () => {
    const client = await world.client();
    const { status } = await client.from("films").insert({ id: 61, title: "ghost" }).rollback();
    expect(status).toBe(201);
    expect(await rowsOf("/films?id=eq.61")).toEqual([]);
  });

  it("commits with tx=commit and reports it", async () => {
    const answer = await post("/films", json({ id: 62, title: "kept" }), "tx=commit");
    expect(answer.status).toBe(201);
    expect(answer.headers["preference-applied"]).toBe("tx=commit");
    expect(await rowsOf("/films?id=eq.62&select=title")).toEqual([{ title: "kept" }]);
  });

  it("refuses unrecognised preferences with handling=strict: 400 PGRST122, nothing written", async () => {
    const answer = await post(
      "/films",
      json({ id: 63, title: "x" }),
      "return=representation, handling=strict, anything",
    );
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({
      code: "PGRST122",
      message: "Invalid preferences given with handling=strict",
      details: "Invalid preferences: anything",
      hint: null,
    });
    expect(await rowsOf("/films?id=eq.63")).toEqual([]);
  });

  it("refuses them on reads too, across several Prefer values", async () => {
    const answer = await world.request("/films?select=id&limit=1", {
      headers: { prefer: "handling=strict, something, else" },
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "PGRST122", details: "Invalid preferences: something, else" });
  });

  it("applies valid preferences under handling=strict and reports handling", async () => {
    const answer = await post("/films", json({ id: 64, title: "ok" }), "return=representation, handling=strict");
    expect(answer.status).toBe(201);
    expect(answer.headers["preference-applied"]).toBe("return=representation, handling=strict");
  });

  it("ignores unrecognised preferences by default and with handling=lenient", async () => {
    const answer = await post(
      "/films",
      json({ id: 65, title: "ok" }),
      "return=representation, handling=lenient, anything",
    );
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual([{ id: 65, title: "ok", year: null }]);
    expect(answer.headers["preference-applied"]).toBe("return=representation, handling=lenient");
    expect((await post("/films", json({ id: 66, title: "ok" }), "bogus=1")).status).toBe(201);
  });
});

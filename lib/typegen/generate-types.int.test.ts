import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";
import { renderTypescript } from "./render-typescript";

const FIXTURE = `
create type mood as enum ('happy', 'sad', 'it''s complicated');
create domain email as text check (value like '%@%');
create table people (
  id bigint generated always as identity primary key,
  name text not null,
  nickname text,
  mood mood not null default 'happy',
  tags text[] not null default '{}',
  moods mood[],
  meta jsonb,
  balance numeric(12, 2),
  born date,
  score int8 default 0,
  email email,
  name_upper text generated always as (upper(name)) stored
);
create table pets (id serial primary key, owner_id bigint not null references people (id), "Pet Name" varchar(40) not null, weights float8[]);
create table passports (person_id bigint primary key references people (id), number text not null);
create view adults as select id, name from people;
create function greet(name text, excited boolean default false) returns text language sql as $$ select 'hi ' || name $$;
create function people_by_mood(m mood) returns setof people language sql stable as $$ select * from people where mood = m $$;
create function stats() returns table (total bigint, avg_balance numeric) language sql as $$ select count(*), avg(balance) from people $$;
create function touch() returns void language sql as $$ select $$;
`;

/** Uses the generated types the way an app would; the @ts-expect-error lines must be errors. */
const USAGE = `
import { PostgrestClient } from "@supabase/postgrest-js";
import type { Database, Enums, Tables, TablesInsert, TablesUpdate } from "./types";

const person: Tables<"people"> = {
  id: 1, name: "a", nickname: null, mood: "happy", tags: ["x"], moods: ["sad"], meta: { a: [1, null, "b"] },
  balance: 1.5, born: "2020-01-01", score: 3, email: "a@b.c", name_upper: "A",
};
const minimal: TablesInsert<"people"> = { name: "b" };
// @ts-expect-error an identity GENERATED ALWAYS column cannot be written
const withId: TablesInsert<"people"> = { name: "b", id: 3 };
// @ts-expect-error name is NOT NULL without a default, so Insert requires it
const missing: TablesInsert<"people"> = {};
// @ts-expect-error a stored generated column cannot be updated
const generated: TablesUpdate<"people"> = { name_upper: "X" };
const mood: Enums<"mood"> = "it's complicated";
// @ts-expect-error not a value of the enum
const angry: Enums<"mood"> = "angry";
const pet: TablesInsert<"pets"> = { owner_id: 1, "Pet Name": "Rex", weights: [1.5] };
const greetArgs: Database["public"]["Functions"]["greet"]["Args"] = { name: "x" };
const greeting: Database["public"]["Functions"]["greet"]["Returns"] = "hi";
const byMood: Database["public"]["Functions"]["people_by_mood"]["Returns"] = [person];
const stats: Database["public"]["Functions"]["stats"]["Returns"] = [{ total: 1, avg_balance: 2.5 }];
const adult: Database["public"]["Views"]["adults"]["Row"] = { id: null, name: null };

async function query(): Promise<string[]> {
  const client = new PostgrestClient<Database>("http://localhost:3000");
  const { data } = await client.from("people").select("id, name, pets(\\"Pet Name\\")").eq("mood", "sad");
  const names: string[] = (data ?? []).map((row) => row.name);
  return names;
}
export const used = [person, minimal, withId, missing, generated, mood, angry, pet, greetArgs, greeting, byMood, stats, adult, query];
`;

let tenant: TestTenant;
let typescript: string;
beforeAll(async () => {
  tenant = await provisionTestTenant();
  await tenant.engine.importSql(tenant.project, { name: "fixture", sql: FIXTURE, actorUserId: null });
  typescript = renderTypescript(await tenant.engine.describeSchema(tenant.project));
});
afterAll(async () => {
  await tenant?.cleanup();
});

describe("flux gen types for a fixture schema", () => {
  it("maps column types like supabase gen types: int8/numeric number, jsonb Json, arrays, enums, nullable | null", () => {
    expect(typescript).toContain(
      "export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];",
    );
    for (const line of [
      "id: number;",
      "name: string;",
      "nickname: string | null;",
      'mood: Database["public"]["Enums"]["mood"];',
      "tags: string[];",
      'moods: Database["public"]["Enums"]["mood"][] | null;',
      "meta: Json | null;",
      "balance: number | null;",
      "born: string | null;",
      "score: number | null;",
      "email: string | null;",
      'mood: "happy" | "sad" | "it\'s complicated";',
      '"Pet Name": string;',
    ]) {
      expect(typescript, line).toContain(line);
    }
  });

  it("makes defaults, identity and nullable columns optional in Insert, and forbids writing GENERATED ALWAYS columns", () => {
    const insert = /people: \{[\s\S]*?Insert: \{([\s\S]*?)\};/.exec(typescript)?.[1] ?? "";
    expect(insert).toContain("id?: never;");
    expect(insert).toContain("name: string;");
    expect(insert).toContain('mood?: Database["public"]["Enums"]["mood"];');
    expect(insert).toContain("nickname?: string | null;");
    expect(insert).toContain("name_upper?: never;");
  });

  it("describes views, functions (args with defaults optional, setof, RETURNS TABLE, void) and foreign keys", () => {
    expect(typescript).toMatch(/adults: \{\s+Row: \{\s+id: number \| null;\s+name: string \| null;/);
    expect(typescript).toContain("Args: { name: string; excited?: boolean };");
    expect(typescript).toContain('Returns: Database["public"]["Tables"]["people"]["Row"][];');
    expect(typescript).toContain("Returns: { total: number; avg_balance: number }[];");
    expect(typescript).toMatch(/touch: \{\s+Args: Record<PropertyKey, never>;\s+Returns: undefined;/);
    expect(typescript).toMatch(
      /foreignKeyName: "pets_owner_id_fkey";\s+columns: \["owner_id"\];\s+isOneToOne: false;\s+referencedRelation: "people";/,
    );
    expect(typescript).toMatch(
      /foreignKeyName: "passports_person_id_fkey";\s+columns: \["person_id"\];\s+isOneToOne: true;/,
    );
  });

  it("compiles with tsc --strict and types a postgrest-js query (the @ts-expect-error lines are real errors)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "flux-typegen-"));
    writeFileSync(path.join(dir, "types.ts"), typescript);
    writeFileSync(path.join(dir, "usage.ts"), USAGE);
    const postgrest = path.resolve("node_modules/@supabase/postgrest-js");
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          skipLibCheck: true,
          types: [],
          paths: { "@supabase/postgrest-js": [postgrest] },
        },
        files: ["types.ts", "usage.ts"],
      }),
    );
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(
        "node",
        [path.resolve("node_modules/typescript/bin/tsc"), "-p", path.join(dir, "tsconfig.json")],
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      ),
    );
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });
});

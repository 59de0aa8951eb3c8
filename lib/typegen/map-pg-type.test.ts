import { describe, expect, it } from "vitest";
import { tsTypeOf } from "./map-pg-type";

const ref = (name: string) => `Enums[${JSON.stringify(name)}]`;
const base = (name: string, kind = "b") => ({ name, kind, element: null });

describe("tsTypeOf (as supabase gen types maps them)", () => {
  it.each([
    ["int2", "number"],
    ["int4", "number"],
    ["int8", "number"],
    ["numeric", "number"],
    ["float8", "number"],
    ["bool", "boolean"],
    ["text", "string"],
    ["uuid", "string"],
    ["timestamptz", "string"],
    ["date", "string"],
    ["bytea", "string"],
    ["json", "Json"],
    ["jsonb", "Json"],
    ["void", "undefined"],
    ["record", "Record<string, unknown>"],
    ["some_extension_type", "unknown"],
  ])("%s → %s", (name, ts) => {
    expect(tsTypeOf(base(name), ref)).toBe(ts);
  });

  it("maps enums by reference and arrays to T[]", () => {
    expect(tsTypeOf(base("mood", "e"), ref)).toBe('Enums["mood"]');
    expect(tsTypeOf({ name: "_int8", kind: "b", element: { name: "int8", kind: "b" } }, ref)).toBe("number[]");
    expect(tsTypeOf({ name: "_mood", kind: "b", element: { name: "mood", kind: "e" } }, ref)).toBe('Enums["mood"][]');
  });
});

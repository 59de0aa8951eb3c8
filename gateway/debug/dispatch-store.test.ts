import { describe, expect, it } from "vitest";
import type { DispatchRow } from "./dispatch-ring";
import { rowsForLookup } from "./dispatch-store";

const row = (n: number, status: number): DispatchRow => ({
  requestId: `r${n}`,
  time: "t",
  host: null,
  tenantId: "t1",
  method: "GET",
  path: "/",
  status,
  code: null,
  timings: {},
});

describe("rowsForLookup", () => {
  it("keeps every row while under the limit, newest first", () => {
    const rows = [row(1, 200), row(2, 200), row(3, 200)];
    expect(rowsForLookup(rows, 10).map((r) => r.requestId)).toEqual(["r3", "r2", "r1"]);
  });

  it("past the limit, puts refused requests before successful ones, newest of each first", () => {
    const rows = [row(1, 401), row(2, 200), row(3, 200), row(4, 429), row(5, 200)];
    expect(rowsForLookup(rows, 3).map((r) => r.requestId)).toEqual(["r4", "r1", "r5"]);
  });

  it("drops the oldest refusals when refusals alone exceed the limit", () => {
    const rows = [row(1, 500), row(2, 404), row(3, 200), row(4, 401)];
    expect(rowsForLookup(rows, 2).map((r) => r.requestId)).toEqual(["r4", "r2"]);
  });

  it("writes nothing with a limit of 0", () => {
    expect(rowsForLookup([row(1, 500)], 0)).toEqual([]);
  });
});

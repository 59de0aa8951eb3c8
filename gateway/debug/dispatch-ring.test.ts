import { describe, expect, it } from "vitest";
import { DispatchRing, type DispatchRow } from "./dispatch-ring";

const row = (n: number): DispatchRow => ({
  requestId: `r${n}`,
  time: "t",
  host: null,
  tenantId: null,
  method: "GET",
  path: "/",
  status: 200,
  code: null,
  timings: {},
});

describe("DispatchRing", () => {
  it("returns rows newest first before it is full", () => {
    const ring = new DispatchRing(3);
    ring.push(row(1));
    ring.push(row(2));
    expect(ring.recent().map((r) => r.requestId)).toEqual(["r2", "r1"]);
  });

  it("overwrites the oldest rows once full", () => {
    const ring = new DispatchRing(3);
    for (let n = 1; n <= 5; n++) ring.push(row(n));
    expect(ring.recent().map((r) => r.requestId)).toEqual(["r5", "r4", "r3"]);
  });
});

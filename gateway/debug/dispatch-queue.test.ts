import { describe, expect, it } from "vitest";
import type { DispatchRow } from "./dispatch-ring";
import { DispatchQueue } from "./dispatch-queue";

const row = (n: number, status: number, tenantId: string | null = "t1"): DispatchRow => ({
  requestId: `r${n}`,
  time: "t",
  host: null,
  tenantId,
  method: "GET",
  path: "/",
  status,
  code: null,
  timings: {},
});

const ids = (rows: DispatchRow[]) => rows.map((r) => r.requestId);

describe("DispatchQueue", () => {
  it("keeps every row while under the limits: by id newest first, per tenant oldest first", () => {
    const queue = new DispatchQueue({ byIdLimit: 10, perTenant: 10, maxTenants: 10 });
    [row(1, 200), row(2, 200), row(3, 200)].forEach((r) => queue.record(r));
    const batch = queue.drain();
    expect(ids(batch.byId)).toEqual(["r3", "r2", "r1"]);
    expect(ids(batch.byTenant.get("t1") ?? [])).toEqual(["r1", "r2", "r3"]);
  });

  it("past the limit, puts refused requests before successful ones, newest of each first", () => {
    const queue = new DispatchQueue({ byIdLimit: 3, perTenant: 10, maxTenants: 10 });
    [row(1, 401), row(2, 200), row(3, 200), row(4, 429), row(5, 200)].forEach((r) => queue.record(r));
    expect(ids(queue.drain().byId)).toEqual(["r4", "r1", "r5"]);
  });

  it("drops the oldest refusals when refusals alone exceed the limit", () => {
    const queue = new DispatchQueue({ byIdLimit: 2, perTenant: 10, maxTenants: 10 });
    [row(1, 500), row(2, 404), row(3, 200), row(4, 401)].forEach((r) => queue.record(r));
    expect(ids(queue.drain().byId)).toEqual(["r4", "r2"]);
  });

  it("keeps each tenant's newest rows only, and no tenant past maxTenants; rows without a tenant go by id only", () => {
    const queue = new DispatchQueue({ byIdLimit: 50, perTenant: 2, maxTenants: 2 });
    [
      row(1, 200, "a"),
      row(2, 200, "a"),
      row(3, 200, "a"),
      row(4, 200, "b"),
      row(5, 200, "c"),
      row(6, 404, null),
    ].forEach((r) => queue.record(r));
    const batch = queue.drain();
    expect([...batch.byTenant.keys()]).toEqual(["a", "b"]);
    expect(ids(batch.byTenant.get("a") ?? [])).toEqual(["r2", "r3"]);
    expect(ids(batch.byId)).toContain("r6");
  });

  it("starts empty after a drain and counts every recorded request", () => {
    const queue = new DispatchQueue({ byIdLimit: 1, perTenant: 1, maxTenants: 1 });
    for (let n = 0; n < 5; n++) queue.record(row(n, 200));
    expect(queue.size).toBe(5);
    queue.drain();
    expect(queue.size).toBe(0);
    expect(queue.drain()).toEqual({ byId: [], byTenant: new Map() });
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUpstreamPool } from "./upstream-pool";

const timeouts = { connectTimeoutMs: 100, readTimeoutMs: 100 };

describe("upstream pool", () => {
  it("always sends one tenant to the same upstream and spreads tenants over all of them", () => {
    const pool = createUpstreamPool(["http://a:1", "http://b:2", "http://c:3"], timeouts);
    const tenant = randomUUID();
    expect(pool.forTenant(tenant)).toBe(pool.forTenant(tenant));
    const used = new Set(Array.from({ length: 200 }, () => pool.forTenant(randomUUID()).url.host));
    expect(used).toEqual(new Set(["a:1", "b:2", "c:3"]));
    pool.destroy();
  });

  it("refuses an empty pool", () => {
    expect(() => createUpstreamPool([], timeouts)).toThrow(/at least one/);
  });
});

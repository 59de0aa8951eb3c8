import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLatencyProxy, type LatencyProxy } from "@/rest/testing/latency-proxy";
import { runRequestTransaction } from "./run-request-transaction";

const DELAY_MS = 150;
let proxy: LatencyProxy;
let pool: pg.Pool;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  proxy = await startLatencyProxy({ host: url.hostname, port: Number(url.port || 5432) }, DELAY_MS);
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  pool = new pg.Pool({ connectionString: url.toString(), max: 1, pipeline: true } as pg.PoolConfig);
  // Log in once (several round trips) before anything is timed.
  const client = await pool.connect();
  client.release();
});

afterAll(async () => {
  await pool?.end();
  await proxy?.close();
});

const preamble = { text: "select set_config('request.path', $1, true)", values: ["/notes"] };
const statement = { text: "select current_setting('request.path') as path", values: [] };

describe("the request transaction on the wire", () => {
  it("costs one network round trip, reset all and the deadline included", async () => {
    const client = await pool.connect();
    const started = performance.now();
    const result = await runRequestTransaction(client, preamble, statement, { deadlineMs: 5_000 });
    const elapsed = performance.now() - started;
    expect(result.rows).toEqual([{ path: "/notes" }]);
    expect(elapsed).toBeGreaterThanOrEqual(DELAY_MS - 5);
    expect(elapsed).toBeLessThan(2 * DELAY_MS);
  });

  it("leaves no session-level setting of the previous transaction on the connection", async () => {
    const loosen = { text: "select set_config('work_mem', '77MB', false)", values: [] };
    await runRequestTransaction(await pool.connect(), preamble, loosen);
    const read = { text: "select current_setting('work_mem') as work_mem", values: [] };
    const result = await runRequestTransaction(await pool.connect(), preamble, read);
    expect(result.rows).toEqual([{ work_mem: "4MB" }]);
  });
});

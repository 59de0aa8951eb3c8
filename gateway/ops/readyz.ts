import http from "node:http";
import type { ServerResponse } from "node:http";
import type pg from "pg";
import { sendJson } from "../errors";

/** Readiness must answer well within a kubelet probe period; a dependency slower than this counts as down. */
const CHECK_TIMEOUT_MS = 800;

/** One probe per rest upstream, in FLUX_REST_UPSTREAMS order. */
export type ReadinessProbes = { database: () => Promise<void>; upstreams: Array<() => Promise<void>> };

/**
 * Ready when flux-system answers `select 1` and at least one rest upstream answers HTTP: with one upstream down
 * the tenants sharded onto the others are still served, so taking the whole gateway out of rotation would only
 * widen the outage. Upstreams are reported by position, never by URL (this endpoint needs no token).
 */
export async function sendReadyz(res: ServerResponse, probes: ReadinessProbes): Promise<void> {
  const [database, upstreams] = await Promise.all([
    outcome(probes.database),
    Promise.all(probes.upstreams.map(outcome)),
  ]);
  const upCount = upstreams.filter((state) => state === "ok").length;
  const rest = upCount === upstreams.length ? "ok" : upCount > 0 ? "degraded" : "error";
  const ready = database === "ok" && rest !== "error";
  sendJson(res, ready ? 200 : 503, { status: ready ? "ok" : "unavailable", checks: { database, rest, upstreams } });
}

export function databaseProbe(pool: pg.Pool): () => Promise<void> {
  return async () => {
    await withTimeout(pool.query("select 1"), "flux-system did not answer select 1");
  };
}

/** rest may have no health route; any HTTP answer at all proves it is up and reachable. */
export function restProbe(restUrl: string): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      const probe = http.get(new URL("/healthz", restUrl), { timeout: CHECK_TIMEOUT_MS, agent: false }, (res) => {
        res.resume();
        resolve();
      });
      probe.on("timeout", () => probe.destroy(new Error("rest did not answer in time")));
      probe.on("error", reject);
    });
}

async function outcome(check: () => Promise<void>): Promise<"ok" | "error"> {
  try {
    await check();
    return "ok";
  } catch {
    return "error";
  }
}

function withTimeout<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

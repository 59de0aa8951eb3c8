import http from "node:http";
import type { ServerResponse } from "node:http";
import type pg from "pg";
import { sendJson } from "../errors";

const CHECK_TIMEOUT_MS = 2_000;

export type ReadinessProbes = { database: () => Promise<void>; rest: () => Promise<void> };

/** Ready only when both dependencies of the request path answer: flux-system (`select 1`) and rest. */
export async function sendReadyz(res: ServerResponse, probes: ReadinessProbes): Promise<void> {
  const [database, rest] = await Promise.all([outcome(probes.database), outcome(probes.rest)]);
  const ready = database === "ok" && rest === "ok";
  sendJson(res, ready ? 200 : 503, { status: ready ? "ok" : "unavailable", checks: { database, rest } });
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

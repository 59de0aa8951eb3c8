// `npm run bench:cpu`: CPU time per request of rest and the gateway (user + system, from /proc), GET single row.
// Throughput on a shared, overloaded machine mostly measures the other work; CPU per request barely moves with
// it, so this is the figure to compare two versions of the code with when the load average is high.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Redis } from "ioredis";
import { createBenchCluster } from "../lib/bench-cluster";
import { fmt, formatTable } from "../lib/print-table";
import { requireTools } from "../lib/require-tools";
import type { Service } from "../lib/service";
import { bridgeTokenFor, startRestProcess } from "../lib/start-rest";
import { runWrkOnce, type WrkRequest } from "../lib/wrk";
import { FIXTURE_SQL, ITEM_ROWS, READ_ONE_PATH } from "../rest/fixtures";
import { seedBenchProject, startGatewayProcess } from "../gateway/start-gateway";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, after the parenthesised name). */
async function cpuMs(service: Service | number): Promise<number> {
  const pid = typeof service === "number" ? service : service.child.pid;
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  requireTools(["wrk"]);
  const cluster = await createBenchCluster("cpu");
  const services: Service[] = [];
  try {
    const tenant = await cluster.provision("enterprise");
    await cluster.push(tenant, "bench-fixtures", FIXTURE_SQL);
    const project = await seedBenchProject(cluster, tenant);
    const rest = await startRestProcess(cluster);
    services.push(rest);
    const gateway = await startGatewayProcess(cluster, rest.url);
    services.push(gateway);
    // With REDIS_URL the gateway counts in Redis: its server's CPU is part of what a request costs.
    const redisPid = process.env.REDIS_URL ? await redisServerPid(process.env.REDIS_URL) : null;
    const direct: WrkRequest = {
      url: rest.url,
      path: READ_ONE_PATH,
      idMax: ITEM_ROWS,
      headers: { Authorization: `Bearer ${await bridgeTokenFor(cluster, tenant)}` },
    };
    const through: WrkRequest = {
      url: gateway.url,
      path: READ_ONE_PATH,
      idMax: ITEM_ROWS,
      headers: { Host: project.host, Authorization: `Bearer ${project.token}` },
    };
    const load = { threads: 2, connections: 32, seconds: SECONDS };
    const samples = {
      direct: [] as number[],
      viaRest: [] as number[],
      viaGateway: [] as number[],
      viaRedis: [] as number[],
      rps: [] as number[],
      directRps: [] as number[],
    };
    await runWrkOnce(through, { ...load, seconds: 2 });
    for (let round = 1; round <= ROUNDS; round++) {
      console.error(`[bench:cpu] round ${round}`);
      let restBefore = await cpuMs(rest);
      const directResult = await runWrkOnce(direct, load);
      samples.direct.push(((await cpuMs(rest)) - restBefore) / directResult.requests);
      samples.directRps.push(directResult.requestsPerSecond);
      restBefore = await cpuMs(rest);
      const gatewayBefore = await cpuMs(gateway);
      const redisBefore = redisPid ? await cpuMs(redisPid) : 0;
      const result = await runWrkOnce(through, load);
      samples.viaRest.push(((await cpuMs(rest)) - restBefore) / result.requests);
      samples.viaGateway.push(((await cpuMs(gateway)) - gatewayBefore) / result.requests);
      if (redisPid) samples.viaRedis.push(((await cpuMs(redisPid)) - redisBefore) / result.requests);
      samples.rps.push(result.requestsPerSecond);
      if (result.non2xx + result.socketErrors + directResult.non2xx + directResult.socketErrors > 0) {
        throw new Error("errors during the run; CPU per request would be meaningless");
      }
    }
    const us = (ms: number) => fmt(ms * 1000, 0);
    const redisUs = redisPid ? median(samples.viaRedis) : 0;
    console.log(`\nCPU per request (median of ${ROUNDS} rounds of ${SECONDS} s, wrk -t2 -c32, GET single row)`);
    console.log(
      `gateway ${redisPid ? `with REDIS_URL (redis-server pid ${redisPid})` : "without REDIS_URL (in-process counters)"}`,
    );
    console.log(
      formatTable(
        ["path", "req/s", "rest µs CPU/req", "gateway µs CPU/req", "redis µs CPU/req", "total µs CPU/req"],
        [
          [
            "direct to rest",
            fmt(median(samples.directRps)),
            us(median(samples.direct)),
            "",
            "",
            us(median(samples.direct)),
          ],
          [
            "through the gateway",
            fmt(median(samples.rps)),
            us(median(samples.viaRest)),
            us(median(samples.viaGateway)),
            redisPid ? us(redisUs) : "",
            us(median(samples.viaRest) + median(samples.viaGateway) + redisUs),
          ],
        ],
      ),
    );
  } finally {
    for (const service of services.reverse()) await service.stop();
    await cluster.cleanup();
  }
}

/** The local redis-server's pid (INFO server), or null when it is remote or unreachable. */
async function redisServerPid(url: string): Promise<number | null> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    const pid = Number(/process_id:(\d+)/.exec(await redis.info("server"))?.[1]);
    return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}/stat`) ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

void main();

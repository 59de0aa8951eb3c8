// `npm run bench:gateway`: the same request through the gateway vs straight to rest (real processes, one run),
// with Redis absent / up / unreachable, then the forwarder prototypes against one static upstream.
import path from "node:path";
import { createBenchCluster, type BenchCluster, type BenchTenant } from "../lib/bench-cluster";
import { measureInterleaved, ROUNDS, type Target } from "../lib/interleave";
import { fmt, formatTable } from "../lib/print-table";
import { requireTools } from "../lib/require-tools";
import { freePort, startService, type Service } from "../lib/service";
import { bridgeTokenFor, startRestProcess } from "../lib/start-rest";
import { DEFAULT_LOAD, probe, type WrkRequest, type WrkResult } from "../lib/wrk";
import { FIXTURE_SQL, ITEM_ROWS, READ_ONE_PATH } from "../rest/fixtures";
import { FORWARDERS } from "./forwarders/registry";
import { redisCommandCount } from "./redis-commands";
import { seedBenchProject, startGatewayProcess } from "./start-gateway";

const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const THROUGHPUT_TARGET = 0.7;
const ADDED_P50_TARGET_MS = 1;
const NO_REDIS = "gateway, no REDIS_URL (in-process)";
const REDIS_UP = "gateway, REDIS_URL up";
const REDIS_DOWN = "gateway, REDIS_URL down (closed port)";
const DIRECT_STATIC = "(static upstream, direct)";
const HOP_ALONE = "hop alone: undici forwarder, no pipeline";
/** Per-connection pause of the paced phase: 32 connections × 1 request per ~41 ms ≈ 780 req/s offered. */
const PACED_DELAY_MS = Number(process.env.BENCH_PACED_DELAY_MS ?? 40);

/** BENCH_PARTS=gateway or BENCH_PARTS=forwarders runs one half (default: both). */
const PARTS = new Set((process.env.BENCH_PARTS ?? "gateway,forwarders").split(","));

type Track = (service: Service) => Service;
type Row = { label: string; result: WrkResult | string; redisPerRequest?: string };

async function main(): Promise<void> {
  requireTools(["wrk"]);
  const cluster = await createBenchCluster("gateway");
  const services: Service[] = [];
  const track: Track = (service) => (services.push(service), service);
  try {
    if (PARTS.has("gateway")) await compareGatewayWithDirect(cluster, track);
    if (PARTS.has("forwarders")) {
      const rows = await compareForwarders(track);
      console.log(
        "\nforwarders on the hot path (same header rewrite, one static upstream, no data API; median of interleaved rounds)",
      );
      console.log(formatTable(["forwarder", "req/s", "p50 ms", "p99 ms", "vs direct"], rows));
    }
  } finally {
    for (const service of services.reverse()) await service.stop();
    await cluster.cleanup();
  }
}

async function compareGatewayWithDirect(cluster: BenchCluster, track: Track): Promise<void> {
  const tenant = await cluster.provision("enterprise");
  await cluster.push(tenant, "bench-fixtures", FIXTURE_SQL);
  const project = await seedBenchProject(cluster, tenant);
  const rest = track(await startRestProcess(cluster));
  const bridge = { Authorization: `Bearer ${await bridgeTokenFor(cluster, tenant)}` };
  const targets: Target[] = [
    {
      label: "direct to rest (bridge token)",
      request: { url: rest.url, path: READ_ONE_PATH, idMax: ITEM_ROWS, headers: bridge },
    },
  ];
  const failedToStart: Row[] = [];
  const variants: Array<[string, Record<string, string>]> = [
    [NO_REDIS, {}],
    [REDIS_UP, { REDIS_URL }],
    [REDIS_DOWN, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` }],
  ];
  for (const [label, env] of variants) {
    try {
      const gateway = track(await startGatewayProcess(cluster, rest.url, { env }));
      const headers = { Host: project.host, Authorization: `Bearer ${project.token}` };
      targets.push({ label, request: { url: gateway.url, path: READ_ONE_PATH, idMax: ITEM_ROWS, headers } });
    } catch (error) {
      failedToStart.push({ label, result: `did not start: ${firstLine(error)}` });
    }
  }
  targets.push(await startHopAlone(tenant, rest.url, bridge.Authorization.slice("Bearer ".length), track));
  for (const target of targets) await requireOk(target, target.label === REDIS_DOWN);
  log(`${ROUNDS} interleaved rounds of wrk -t${DEFAULT_LOAD.threads} -c${DEFAULT_LOAD.connections} --latency per path`);
  const before = await redisCommandCount(REDIS_URL);
  const results = await measureInterleaved(targets, (label, round) => log(`round ${round}: ${label}`));
  const after = await redisCommandCount(REDIS_URL);
  const rows: Row[] = targets.map(({ label }) => {
    const result = results.get(label) ?? "not measured";
    const counted = label === REDIS_UP && before !== null && after !== null && typeof result !== "string";
    return { label, result, redisPerRequest: counted ? fmt((after - before) / result.requests, 2) : undefined };
  });
  printGatewayTable([...rows, ...failedToStart]);
  await comparePaced(targets.filter(({ label }) => label !== REDIS_DOWN));
}

/**
 * The floor any gateway pays: the same undici forwarder the gateway uses, with the bridge token and schema fixed
 * and no pipeline at all (no host lookup, verification, rate limit, metrics or logs). Its distance from direct is
 * what the second socket hop costs on this machine; the gateway's distance from it is what the pipeline costs.
 */
async function startHopAlone(tenant: BenchTenant, restUrl: string, bridgeToken: string, track: Track): Promise<Target> {
  const port = await freePort();
  const env = {
    FORWARDER: "undici-pool",
    FORWARDER_PORT: String(port),
    UPSTREAM_URL: restUrl,
    BRIDGE_TOKEN: bridgeToken,
    SCHEMA: tenant.credentials.schema,
  };
  const entry = path.join(import.meta.dirname, "forwarders/main.ts");
  const forwarder = track(await startService({ name: "hop-alone", entry, env, port, readyPath: "/_flux/health" }));
  return { label: HOP_ALONE, request: { url: forwarder.url, path: READ_ONE_PATH, idMax: ITEM_ROWS } };
}

/**
 * Latency a hop adds, measured below saturation. Under wrk's closed loop at full speed every path is saturated
 * and p50 ≈ connections ÷ throughput, so "p50 added" there restates the throughput gap. Here each of the 32
 * connections waits PACED_DELAY_MS before each request, offering a fixed load every path can carry.
 */
async function comparePaced(targets: Target[]): Promise<void> {
  const load = { ...DEFAULT_LOAD, delayMs: PACED_DELAY_MS };
  log(`paced: ${ROUNDS} interleaved rounds, each connection waits ${PACED_DELAY_MS} ms before each request`);
  const results = await measureInterleaved(targets, (label, round) => log(`paced round ${round}: ${label}`), load);
  const base = results.get(targets[0]?.label ?? "");
  const hop = results.get(HOP_ALONE);
  const rows = targets.map(({ label }) => {
    const result = results.get(label);
    if (!result || !base) return [label, "not measured", "", "", "", "", ""];
    const errors = result.non2xx + result.socketErrors;
    const overHop = hop && label !== HOP_ALONE && result !== base ? fmt(result.p50Ms - hop.p50Ms, 2) : "";
    return [
      label,
      fmt(result.requestsPerSecond),
      fmt(result.p50Ms, 2),
      fmt(result.p99Ms, 2),
      fmt(result.p50Ms - base.p50Ms, 2),
      overHop,
      String(errors),
    ];
  });
  console.log(
    `\npaced load: ${DEFAULT_LOAD.connections} connections, ${PACED_DELAY_MS} ms between requests per connection (median of interleaved rounds)`,
  );
  console.log(
    formatTable(["path", "req/s", "p50 ms", "p99 ms", "p50 added ms", "over the hop alone ms", "errors"], rows),
  );
  console.log(
    `target: p50 added ≤ ${ADDED_P50_TARGET_MS} ms at ${DEFAULT_LOAD.connections} connections ("hop alone" is the floor of any separate proxy process)`,
  );
}

/** Refuses to time a path whose first answer is an error (unless errors are what that path is about). */
async function requireOk(target: Target, errorsExpected: boolean): Promise<void> {
  const first = await probe(target.request);
  if (first.status !== 200 && !errorsExpected) {
    throw new Error(`${target.label}: the first request answered ${first.status}: ${first.body.slice(0, 300)}`);
  }
}

function printGatewayTable(rows: Row[]): void {
  const base = rows[0]?.result;
  const table = rows.map(({ label, result, redisPerRequest }) => {
    if (typeof result === "string") return [label, result, "", "", "", "", "", ""];
    const ratio = typeof base === "string" || !base ? "n/a" : fmt(result.requestsPerSecond / base.requestsPerSecond, 2);
    const added = typeof base === "string" || !base ? "n/a" : fmt(result.p50Ms - base.p50Ms, 2);
    const errors = result.non2xx + result.socketErrors;
    return [
      label,
      fmt(result.requestsPerSecond),
      fmt(result.p50Ms, 2),
      fmt(result.p99Ms, 2),
      ratio,
      added,
      String(errors),
      redisPerRequest ?? "",
    ];
  });
  console.log("\ngateway vs direct (GET single row by PK; median of interleaved rounds)");
  console.log(
    formatTable(["path", "req/s", "p50 ms", "p99 ms", "vs direct", "p50 added ms", "errors", "redis cmds/req"], table),
  );
  console.log(
    `target: gateway ≥ ${THROUGHPUT_TARGET} of direct (at saturation p50 ≈ connections ÷ req/s, so its "added" restates this gap; the paced table measures the hop)`,
  );
}

async function compareForwarders(track: Track): Promise<string[][]> {
  const upstreamPort = await freePort();
  const upstream = track(
    await startService({
      name: "static-upstream",
      entry: path.join(import.meta.dirname, "forwarders/static-upstream.ts"),
      env: { UPSTREAM_PORT: String(upstreamPort) },
      port: upstreamPort,
      readyPath: "/",
    }),
  );
  const request = (url: string): WrkRequest => ({
    url,
    path: READ_ONE_PATH,
    idMax: ITEM_ROWS,
    headers: {
      Authorization: "Bearer client-token",
      Cookie: "session=dropped-by-the-allow-list",
      Accept: "application/json",
    },
  });
  const targets: Target[] = [{ label: DIRECT_STATIC, request: request(upstream.url) }];
  for (const name of Object.keys(FORWARDERS)) {
    const port = await freePort();
    const env = {
      FORWARDER: name,
      FORWARDER_PORT: String(port),
      UPSTREAM_URL: upstream.url,
      BRIDGE_TOKEN: "bridge.token.value",
      SCHEMA: "t_bench_api",
    };
    const entry = path.join(import.meta.dirname, "forwarders/main.ts");
    const forwarder = track(await startService({ name, entry, env, port, readyPath: "/" }));
    targets.push({ label: name, request: request(forwarder.url) });
  }
  for (const target of targets) await requireOk(target, false);
  const results = await measureInterleaved(targets, (label, round) => log(`round ${round}: ${label}`));
  const base = results.get(DIRECT_STATIC);
  return targets.map(({ label }) => {
    const result = results.get(label);
    if (!result || !base) return [label, "not measured", "", "", ""];
    const errors = result.non2xx + result.socketErrors;
    if (errors > 0) throw new Error(`${label}: ${errors} failed requests under load`);
    return [
      label,
      fmt(result.requestsPerSecond),
      fmt(result.p50Ms, 2),
      fmt(result.p99Ms, 2),
      fmt(result.requestsPerSecond / base.requestsPerSecond, 2),
    ];
  });
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

function log(message: string): void {
  process.stderr.write(`[bench:gateway] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:gateway failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

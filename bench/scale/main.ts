// `npm run bench:scale`: thousands of tenant schemas on one cluster: provisioning time, every tenant answers
// through one rest process, rest's memory after touching all of them, and NOTIFY → reloaded cache, 10 vs N.
import pg from "pg";
import { quoteIdent } from "@/lib/engines/sql";
import { DEFAULT_MISS_RELOADS_PER_INTERVAL } from "@/rest/schema-cache/schema-cache";
import { createBenchCluster, type BenchCluster, type BenchTenant } from "../lib/bench-cluster";
import { fmt, formatTable } from "../lib/print-table";
import type { Service } from "../lib/service";
import { bridgeTokenFor, startRestProcess } from "../lib/start-rest";
import { askTenant, bridgeTokens, mapLimited, restConnections, TENANT_SQL, type TokenFor } from "./tenant-requests";

const TENANTS = Number(process.env.BENCH_TENANTS ?? 2000);
const SMALL = 10;
const PROVISION_CONCURRENCY = Number(process.env.BENCH_PROVISION_CONCURRENCY ?? 4);
const REQUEST_CONCURRENCY = 8;
const RANDOM_LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RELOAD_SAMPLES = 5;
/** Kept well under the server's max_connections, which other work on a shared machine needs too. */
const REST_MAX_CONNECTIONS = Number(process.env.BENCH_REST_MAX_CONNECTIONS ?? 30);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  if (!Number.isInteger(TENANTS) || TENANTS < SMALL) throw new Error(`BENCH_TENANTS must be an integer ≥ ${SMALL}`);
  const cluster = await createBenchCluster("scale");
  let rest: Service | undefined;
  try {
    const summary: string[][] = [];
    const small = await provisionMany(cluster, SMALL);
    const server = await startRestProcess(cluster, {
      env: { FLUX_REST_MAX_CONNECTIONS: String(REST_MAX_CONNECTIONS) },
    });
    rest = server;
    const tokens = bridgeTokens(cluster);
    await touchAll(server, small.tenants, tokens);
    const reloadSmall = await reloadTimes(cluster, server, small.tenants[0]);
    const rssSmall = await server.rssBytes();

    const more = await provisionMany(cluster, TENANTS - SMALL);
    const all = [...small.tenants, ...more.tenants];
    if (more.batchMs.length > 1) {
      const first = more.batchMs[0] ?? Number.NaN;
      const last = more.batchMs[more.batchMs.length - 1] ?? Number.NaN;
      summary.push([
        `provisioning as the cluster fills (per ${BATCH})`,
        `first ${fmt(first)} ms per tenant, last ${fmt(last)} ms per tenant`,
      ]);
    }
    summary.push([
      `provision ${TENANTS} tenants (schema + 2 roles + 1 table), ${PROVISION_CONCURRENCY} in parallel`,
      `${fmt(more.seconds + small.seconds, 1)} s (${fmt(((more.seconds + small.seconds) * 1000) / TENANTS, 1)} ms per tenant)`,
    ]);

    const touched = await touchAll(server, all, tokens);
    summary.push([
      `first request to each of ${TENANTS} tenants (${REQUEST_CONCURRENCY} concurrent)`,
      `${touched.ok}/${TENANTS} answered 200 in ${fmt(touched.seconds, 1)} s; p50 ${fmt(touched.p50, 1)} ms, p99 ${fmt(touched.p99, 1)} ms`,
    ]);
    if (touched.failures.length > 0) summary.push(["failures (first 5)", touched.failures.slice(0, 5).join("; ")]);
    const random = await randomLoad(server, all, tokens);
    summary.push([
      `random tenants for ${RANDOM_LOAD_SECONDS} s (${REQUEST_CONCURRENCY * 2} concurrent)`,
      `${fmt(random.perSecond)} req/s, ${random.ok}/${random.total} answered 200, p50 ${fmt(random.p50, 1)} ms`,
    ]);
    const rssAll = await server.rssBytes();
    summary.push([
      `rest RSS after ${SMALL} tenants → after all ${TENANTS}`,
      `${fmt(rssSmall / MB)} MB → ${fmt(rssAll / MB)} MB`,
    ]);
    summary.push([
      "rest connections on the tenant database",
      `${await restConnections(cluster)} (budget FLUX_REST_MAX_CONNECTIONS=${REST_MAX_CONNECTIONS})`,
    ]);
    const reloadAll = await reloadTimes(cluster, server, all[all.length - 1]);
    summary.push([`NOTIFY → request sees a new column, ${SMALL} tenants (median of ${RELOAD_SAMPLES})`, reloadSmall]);
    summary.push([`NOTIFY → request sees a new column, ${TENANTS} tenants (median of ${RELOAD_SAMPLES})`, reloadAll]);

    console.log(`\nscale: ${TENANTS} tenants on one cluster, one rest process`);
    console.log(formatTable(["measure", "result"], summary));
  } finally {
    await rest?.stop();
    log("dropping the databases and every tenant role (roles are cluster-global)");
    await cluster.cleanup();
  }
}

const BATCH = 250;

/** Provisions `count` tenants (schema, roles, one table each); `batchMs` is wall time per tenant of each 250. */
async function provisionMany(
  cluster: BenchCluster,
  count: number,
): Promise<{ tenants: BenchTenant[]; seconds: number; batchMs: number[] }> {
  const started = performance.now();
  let done = 0;
  let batchStarted = started;
  const batchMs: number[] = [];
  const tenants = await mapLimited(Array.from({ length: count }), PROVISION_CONCURRENCY, async () => {
    const tenant = await cluster.provision("free");
    await cluster.push(tenant, "things", TENANT_SQL);
    if (++done % BATCH === 0) {
      const now = performance.now();
      batchMs.push((now - batchStarted) / BATCH);
      batchStarted = now;
      log(`provisioned ${done}/${count} (${fmt(batchMs[batchMs.length - 1] ?? 0)} ms per tenant in this batch)`);
    }
    return tenant;
  });
  return { tenants, seconds: (performance.now() - started) / 1000, batchMs };
}

async function touchAll(rest: Service, tenants: BenchTenant[], tokens: TokenFor) {
  const started = performance.now();
  const answers = await mapLimited(tenants, REQUEST_CONCURRENCY, async (tenant) =>
    askTenant(rest.url, await tokens(tenant)),
  );
  const failures = answers.flatMap((answer, i) =>
    answer.status === 200 ? [] : [`${tenants[i]?.tenantId}: ${answer.status}`],
  );
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    ok: answers.length - failures.length,
    failures,
    seconds: (performance.now() - started) / 1000,
    p50: sorted[Math.floor(sorted.length * 0.5)] ?? Number.NaN,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN,
  };
}

async function randomLoad(rest: Service, tenants: BenchTenant[], tokens: TokenFor) {
  const deadline = performance.now() + RANDOM_LOAD_SECONDS * 1000;
  const times: number[] = [];
  let ok = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const tenant = tenants[Math.floor(Math.random() * tenants.length)] as BenchTenant;
      const answer = await askTenant(rest.url, await tokens(tenant));
      times.push(answer.ms);
      if (answer.status === 200) ok++;
    }
  };
  await Promise.all(Array.from({ length: REQUEST_CONCURRENCY * 2 }, worker));
  times.sort((a, b) => a - b);
  return {
    total: times.length,
    ok,
    perSecond: times.length / RANDOM_LOAD_SECONDS,
    p50: times[Math.floor(times.length / 2)] ?? Number.NaN,
  };
}

/**
 * Time from `NOTIFY pgrst, '<schema>'` to the first request that can select a column added without NOTIFY.
 * Requests naming the column first (400) spend the schema's reload-on-miss allowance (a few per second), so
 * an answer within that second can only come from the NOTIFY-driven reload; later ones are flagged.
 */
async function reloadTimes(cluster: BenchCluster, rest: Service, tenant: BenchTenant | undefined): Promise<string> {
  if (!tenant) throw new Error("no tenant to measure the schema reload on");
  // Minted now: provisioning 2,000 tenants outlasts a bridge token's 5 minutes.
  const token = await bridgeTokenFor(cluster, tenant);
  const owner = new pg.Client({ connectionString: tenant.credentials.ownerDatabaseUrl });
  const admin = new pg.Client({ connectionString: cluster.tenantDatabaseUrl });
  await Promise.all([owner.connect(), admin.connect()]);
  const samples: number[] = [];
  let outsideWindow = 0;
  try {
    for (let i = 0; i < RELOAD_SAMPLES; i++) {
      const column = `c_${Date.now().toString(36)}_${i}`;
      const path = `/things?select=id,${column}`;
      const windowStart = performance.now();
      for (let spent = 0; spent < DEFAULT_MISS_RELOADS_PER_INTERVAL; spent++) {
        const miss = await askTenant(rest.url, token, path);
        if (miss.status !== 400)
          throw new Error(`expected 400 for a column that does not exist yet, got ${miss.status}`);
      }
      await owner.query(
        `alter table ${quoteIdent(tenant.credentials.schema)}.things add column ${quoteIdent(column)} int default 7`,
      );
      const notifiedAt = performance.now();
      await admin.query("select pg_notify('pgrst', $1)", [tenant.credentials.schema]);
      for (;;) {
        const answer = await askTenant(rest.url, token, path);
        if (answer.status === 200) break;
        if (performance.now() - notifiedAt > 10_000)
          throw new Error(`the new column ${column} was not seen within 10 s of NOTIFY`);
      }
      const seenAt = performance.now();
      samples.push(seenAt - notifiedAt);
      if (seenAt - windowStart >= 1000) outsideWindow++;
      await new Promise((resolve) => setTimeout(resolve, 1100)); // let the miss allowance renew
    }
  } finally {
    await Promise.all([owner.end(), admin.end()]);
  }
  samples.sort((a, b) => a - b);
  const flag = outsideWindow > 0 ? ` (${outsideWindow} sample(s) may include a reload-on-miss)` : "";
  return `${fmt(samples[Math.floor(samples.length / 2)] ?? Number.NaN, 1)} ms (min ${fmt(samples[0] ?? Number.NaN, 1)}, max ${fmt(samples[samples.length - 1] ?? Number.NaN, 1)})${flag}`;
}

function log(message: string): void {
  process.stderr.write(`[bench:scale] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:scale failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

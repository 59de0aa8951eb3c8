// `npm run bench:rest`: rest (a real process) under wrk vs pgbench running the same SQL shape, in one run.
import { statementTimeoutMsFor } from "@/rest/execute/statement-timeout";
import { buildPreamble } from "@/rest/sql/build-preamble";
import type { Statement } from "@/rest/sql/statement";
import { createBenchCluster, type BenchTenant } from "../lib/bench-cluster";
import { runPgbench, type PgbenchMode } from "../lib/pgbench";
import { requestTransactionScript } from "../lib/pgbench-script";
import { fmt, formatTable } from "../lib/print-table";
import { requireTools } from "../lib/require-tools";
import { bridgeTokenFor, startRestProcess } from "../lib/start-rest";
import type { Service } from "../lib/service";
import { DEFAULT_LOAD, probe, runWrk, type WrkRequest } from "../lib/wrk";
import {
  EMBED_PATH,
  FIXTURE_SQL,
  ID_PLACEHOLDER,
  INSERT_BODY,
  ITEM_ROWS,
  READ_ONE_PATH,
  restStatements,
} from "./fixtures";

const POSTGREST_PUBLISHED = "2,015–2,585 req/s (PostgREST, 2 vCPU, published)";
const READ_ONE_TARGET = 0.4;
/** rest's per-tenant pool size (rest/pools/tenant-pools.ts): pgbench gets the same number of connections. */
const REST_TENANT_CONNECTIONS = 3;

type Workload = {
  name: string;
  request: WrkRequest;
  statement: Statement;
  method: string;
  path: string;
  /** What to print instead of a number when rest refuses the request because the feature is missing. */
  missingFeature?: string;
};

async function main(): Promise<void> {
  requireTools(["wrk", "pgbench"]);
  const cluster = await createBenchCluster("rest");
  let rest: Service | undefined;
  try {
    // enterprise: a CONNECTION LIMIT of 50 lets pgbench also run with wrk's 32 clients as the tenant role.
    const tenant = await cluster.provision("enterprise");
    await cluster.push(tenant, "bench-fixtures", FIXTURE_SQL);
    rest = await startRestProcess(cluster);
    const statements = await restStatements(tenant, 1000);
    const token = await bridgeTokenFor(cluster, tenant);
    const auth = { Authorization: `Bearer ${token}` };
    const workloads: Workload[] = [
      {
        name: "GET single row by PK",
        request: { url: rest.url, path: READ_ONE_PATH, idMax: ITEM_ROWS, headers: auth },
        statement: statements.readOne,
        method: "GET",
        path: "/items",
      },
      {
        name: "GET 100 rows + to-many embed",
        request: { url: rest.url, path: EMBED_PATH, headers: auth },
        statement: statements.embed,
        method: "GET",
        path: "/authors",
        missingFeature: "embedding not implemented yet",
      },
      {
        name: "POST single row",
        request: {
          url: rest.url,
          path: "/events",
          method: "POST",
          body: INSERT_BODY,
          headers: { ...auth, "Content-Type": "application/json" },
        },
        statement: statements.insert,
        method: "POST",
        path: "/events",
      },
    ];
    log(
      `rest ${rest.url}, tenant ${tenant.tenantId}; wrk -t${DEFAULT_LOAD.threads} -c${DEFAULT_LOAD.connections} -d${DEFAULT_LOAD.seconds}s per row`,
    );

    const rows: string[][] = [];
    let readOneModes: string[][] = [];
    for (const workload of workloads) {
      const restRps = await measureRest(workload);
      const script = (pipelined = false) => scriptFor(tenant, workload, rest?.url ?? "", pipelined);
      const pg = (mode: PgbenchMode, clients: number, pipelined = false) =>
        runPgbench({
          databaseUrl: tenant.credentials.apiDatabaseUrl,
          script: script(pipelined),
          mode,
          clients,
          threads: 2,
          seconds: DEFAULT_LOAD.seconds,
        }).then((r) => r.tps);
      log(`pgbench: ${workload.name}`);
      const extended = await pg("extended", REST_TENANT_CONNECTIONS);
      const ratio = typeof restRps === "number" ? fmt(restRps / extended, 2) : "n/a";
      rows.push([workload.name, typeof restRps === "number" ? fmt(restRps) : restRps, fmt(extended), ratio]);
      if (workload === workloads[0] && typeof restRps === "number") {
        const variants: Array<[string, () => Promise<number>]> = [
          [`-M simple, -c${REST_TENANT_CONNECTIONS}`, () => pg("simple", REST_TENANT_CONNECTIONS)],
          [`-M extended, -c${REST_TENANT_CONNECTIONS}`, () => Promise.resolve(extended)],
          [
            `-M extended, -c${REST_TENANT_CONNECTIONS}, pipelined (rest's round trips)`,
            () => pg("extended", REST_TENANT_CONNECTIONS, true),
          ],
          [`-M extended, -c${DEFAULT_LOAD.connections}`, () => pg("extended", DEFAULT_LOAD.connections)],
          [`-M prepared, -c${REST_TENANT_CONNECTIONS}`, () => pg("prepared", REST_TENANT_CONNECTIONS)],
        ];
        readOneModes = [];
        for (const [label, run] of variants) {
          log(`pgbench: ${workload.name}, ${label}`);
          const tps = await run();
          readOneModes.push([label, fmt(tps), fmt(restRps / tps, 2)]);
        }
      }
    }

    console.log(
      `\nrest vs pgbench (same SQL, same tenant role; pgbench -c${REST_TENANT_CONNECTIONS} = rest's connections per tenant)`,
    );
    console.log(formatTable(["workload", "rest req/s", "pgbench tps (-M extended)", "ratio"], rows));
    console.log(`target: GET single row ratio ≥ ${READ_ONE_TARGET}`);
    if (readOneModes.length > 0) {
      console.log("\nGET single row: pgbench protocol variants");
      console.log(formatTable(["pgbench", "tps", "rest / pgbench"], readOneModes));
    }
    const readOne = rows[0]?.[1] ?? "n/a";
    console.log(`\nabsolute: rest GET single row ${readOne} req/s on this machine; ${POSTGREST_PUBLISHED}`);
  } finally {
    await rest?.stop();
    await cluster.cleanup();
  }
}

/** rest's req/s, or why there is no number: a 4xx for a missing feature is reported, never timed. */
async function measureRest(workload: Workload): Promise<number | string> {
  const first = await probe(workload.request);
  if (first.status >= 400) {
    if (workload.missingFeature && first.status < 500) {
      log(`${workload.name}: rest answered ${first.status} (${first.body.slice(0, 160)})`);
      return `n/a (${workload.missingFeature})`;
    }
    throw new Error(`${workload.name}: rest answered ${first.status}: ${first.body.slice(0, 400)}`);
  }
  log(`wrk: ${workload.name}`);
  const result = await runWrk(workload.request);
  if (result.non2xx > 0 || result.socketErrors > 0) {
    throw new Error(
      `${workload.name}: ${result.non2xx} non-2xx answers and ${result.socketErrors} socket errors under load`,
    );
  }
  return result.requestsPerSecond;
}

function scriptFor(tenant: BenchTenant, workload: Workload, restUrl: string, pipelined: boolean): string {
  const preamble = buildPreamble({
    schema: tenant.credentials.schema,
    claims: { sub: "bench-user", role: "authenticated" },
    statementTimeoutMs: statementTimeoutMsFor(tenant.project.plan),
    method: workload.method,
    path: workload.path,
    // What rest forwards from wrk's request (credentials withheld, see rest/handlers/request-headers.ts).
    headers: {
      host: new URL(restUrl).host,
      ...(workload.method === "POST"
        ? { "content-type": "application/json", "content-length": String(INSERT_BODY.length) }
        : {}),
    },
  });
  return requestTransactionScript({
    preamble,
    statement: workload.statement,
    variables: new Map([[ID_PLACEHOLDER, { variable: "id" }]]),
    setup: workload.statement.values.includes(ID_PLACEHOLDER) ? [`\\set id random(1, ${ITEM_ROWS})`] : [],
    pipelined,
  });
}

function log(message: string): void {
  process.stderr.write(`[bench:rest] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:rest failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

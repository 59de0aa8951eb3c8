// `npm run bench:profile`: CPU profiles (node --cpu-prof) of rest and the gateway while wrk drives GET single
// row through the gateway, then the top self-time costs of each process by function and by package/file.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createBenchCluster } from "../lib/bench-cluster";
import { fmt, formatTable } from "../lib/print-table";
import { requireTools } from "../lib/require-tools";
import type { Service } from "../lib/service";
import { startRestProcess } from "../lib/start-rest";
import { DEFAULT_LOAD, runWrkOnce } from "../lib/wrk";
import { seedBenchProject, startGatewayProcess } from "../gateway/start-gateway";
import { FIXTURE_SQL, ITEM_ROWS, READ_ONE_PATH } from "../rest/fixtures";
import { summarizeCpuProfile } from "./summarize-cpuprofile";

async function main(): Promise<void> {
  requireTools(["wrk"]);
  const cluster = await createBenchCluster("profile");
  const dirs = {
    rest: mkdtempSync(path.join(tmpdir(), "flux-prof-rest-")),
    gateway: mkdtempSync(path.join(tmpdir(), "flux-prof-gw-")),
  };
  const keep = process.env.BENCH_KEEP_PROFILES === "1";
  const services: Service[] = [];
  try {
    const tenant = await cluster.provision("enterprise");
    await cluster.push(tenant, "bench-fixtures", FIXTURE_SQL);
    const project = await seedBenchProject(cluster, tenant);
    const rest = await startRestProcess(cluster, { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dirs.rest}`] });
    services.push(rest);
    const gateway = await startGatewayProcess(cluster, rest.url, {
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dirs.gateway}`],
    });
    services.push(gateway);
    const headers = { Host: project.host, Authorization: `Bearer ${project.token}` };
    process.stderr.write(`[bench:profile] wrk through the gateway for ${DEFAULT_LOAD.seconds} s\n`);
    const request = { url: gateway.url, path: READ_ONE_PATH, idMax: ITEM_ROWS, headers };
    await runWrkOnce(request, { ...DEFAULT_LOAD, seconds: 3 }); // warm-up, outside the counted window
    const wrkStart = performance.now();
    const result = await runWrkOnce(request, DEFAULT_LOAD);
    const wrkEnd = performance.now();
    // The profiles are written when the processes exit; only samples taken while wrk ran are counted.
    const stops = new Map<string, number>();
    for (const service of services.splice(0).reverse()) {
      await service.stop();
      stops.set(service.name, performance.now());
    }
    console.log(
      `\n${fmt(result.requestsPerSecond)} req/s through the gateway while profiling (profiling slows both processes)`,
    );
    for (const [name, dir] of Object.entries(dirs)) {
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) throw new Error(`${name} wrote no .cpuprofile into ${dir}`);
      const stoppedAt = stops.get(name) ?? wrkEnd;
      const window = { fromMsBeforeEnd: stoppedAt - wrkStart, toMsBeforeEnd: stoppedAt - wrkEnd };
      const summary = summarizeCpuProfile(path.join(dir, file), window);
      console.log(
        `\n${name}: self time by package / file (% of non-idle samples)${keep ? ` — ${path.join(dir, file)}` : ""}`,
      );
      console.log(
        formatTable(
          ["area", "%"],
          summary.byArea.map((c) => [c.name, fmt(c.percent, 1)]),
        ),
      );
      console.log(`\n${name}: self time by function`);
      console.log(
        formatTable(
          ["function", "%"],
          summary.byFunction.map((c) => [c.name, fmt(c.percent, 1)]),
        ),
      );
    }
  } finally {
    for (const service of services.reverse()) await service.stop();
    await cluster.cleanup();
    if (!keep) for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:profile failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

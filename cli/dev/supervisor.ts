import { rmSync } from "node:fs";
import path from "node:path";
import { FLUX_HOME, redactUrl, writeLocalRuntime } from "@/lib/config";
import { migrateFluxSystem } from "@/lib/db/migrate";
import { startChild, stopChild, type ManagedChild } from "./child-process";
import { prepareStackEnv } from "./stack-env";
import { waitForHttp } from "./wait-for-http";

const log = (line: string) => process.stdout.write(`[flux] ${line}\n`);

/**
 * `flux dev`: Postgres (embedded unless DATABASE_URL is set) → migrations → web, gateway, rest, worker.
 * Prints their URLs, and on Ctrl-C (or when any process dies) stops them all.
 */
export async function runStack(options: { production: boolean }): Promise<number> {
  const { env, config, embedded } = await prepareStackEnv(log);
  const children: ManagedChild[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return code;
    stopping = true;
    log("stopping…");
    await Promise.all(children.map((c) => stopChild(c)));
    await embedded?.stop();
    rmSync(path.join(FLUX_HOME, "runtime.json"), { force: true });
    return code;
  };

  try {
    log(`migrating flux-system at ${redactUrl(config.DATABASE_URL)}`);
    await migrateFluxSystem({
      databaseUrl: config.DATABASE_URL,
      tenantDatabaseUrl: config.tenantDatabaseUrl,
      dataPlaneKey: config.FLUX_DATA_PLANE_KEY,
    });
    writeLocalRuntime({ DATABASE_URL: config.DATABASE_URL, FLUX_TENANT_DATABASE_URL: config.tenantDatabaseUrl });

    const tsx = ["--import", "tsx"];
    const next = path.join("node_modules", "next", "dist", "bin", "next");
    const webArgs = options.production
      ? [next, "start", "-p", String(config.FLUX_WEB_PORT)]
      : [next, "dev", "-p", String(config.FLUX_WEB_PORT)];
    const specs: [string, string[]][] = [
      ["rest", [...tsx, "rest/main.ts"]],
      ["gateway", [...tsx, "gateway/main.ts"]],
      ["worker", [...tsx, "worker/main.ts"]],
      ["web", webArgs],
    ];
    specs.forEach(([name, args], i) => children.push(startChild(name, process.execPath, args, env, i)));

    const died = Promise.race(children.map((c) => c.exited.then((code) => ({ name: c.name, code }))));
    const signalled = new Promise<string>((resolve) => {
      process.once("SIGINT", () => resolve("SIGINT"));
      process.once("SIGTERM", () => resolve("SIGTERM"));
    });

    const ready = Promise.all([
      waitForHttp(`${config.restUrl}/`, { timeoutMs: 60_000 }),
      waitForHttp(`${config.gatewayUrl}/healthz`, { timeoutMs: 60_000 }),
      waitForHttp(`${config.webUrl}/login`, { timeoutMs: 180_000 }),
    ]).then(() => {
      log("ready:");
      log(`  dashboard + API  ${config.webUrl}`);
      log(
        `  gateway          ${config.gatewayUrl}  (Service URLs: http://api--<slug>--<hash>.${config.FLUX_BASE_DOMAIN}:${config.FLUX_GATEWAY_PORT})`,
      );
      log(`  data API (rest)  ${config.restUrl}  (loopback only; reach it through the gateway)`);
      log("Press Ctrl-C to stop.");
    });
    ready.catch((err: Error) => log(`not ready: ${err.message}`));

    const outcome = await Promise.race([
      died.then(({ name, code }) => ({ kind: "died" as const, name, code })),
      signalled.then((signal) => ({ kind: "signal" as const, signal })),
    ]);
    if (outcome.kind === "died") {
      log(`${outcome.name} exited (code ${outcome.code ?? "signal"}); stopping the stack.`);
      return await stopAll(1);
    }
    return await stopAll(0);
  } catch (err) {
    log(`failed: ${(err as Error).message}`);
    return await stopAll(1);
  }
}

import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export type RestProcess = { url: string; port: number; child: ChildProcess; kill: () => Promise<void> };

/** The real `rest` as a child process (rest/main.ts) on a free loopback port, so a test can SIGKILL it. */
export async function startRestProcess(port?: number): Promise<RestProcess> {
  const chosen = port ?? (await freePort());
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "rest/main.ts")], {
    cwd: root,
    env: { ...process.env, FLUX_REST_PORT: String(chosen), FLUX_LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${chosen}`;
  await waitForPort(chosen, 30_000);
  return {
    url,
    port: chosen,
    child,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`rest did not listen on port ${port} within ${timeoutMs} ms`);
}

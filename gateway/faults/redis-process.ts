import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { Redis } from "ioredis";

export type PrivateRedis = {
  url: string;
  /** SIGKILL: the process is gone, connections reset. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: connections stay open but nothing answers — the worst case for a client. */
  freeze(): void;
  thaw(): void;
  /** Starts a fresh (empty) server on the same port after kill(). */
  restart(): Promise<void>;
  client(): Redis;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPing(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on("error", () => {});
    const ok = await probe.connect().then(
      () => probe.ping(),
      () => null,
    );
    probe.disconnect();
    if (ok === "PONG") return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`private redis-server at ${url} did not answer PING within 5 s`);
}

/** A redis-server of the test's own on a random port, without persistence, so faults hurt nobody else. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const clients: Redis[] = [];

  async function launch(): Promise<void> {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await waitForPing(url);
  }
  async function kill(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGCONT");
    running.kill("SIGKILL");
    await exited;
  }

  await launch();
  return {
    url,
    kill,
    freeze: () => child?.kill("SIGSTOP"),
    thaw: () => child?.kill("SIGCONT"),
    restart: launch,
    client() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      redis.on("error", () => {});
      clients.push(redis);
      return redis;
    },
    async stop() {
      for (const redis of clients) redis.disconnect();
      await kill();
    },
  };
}

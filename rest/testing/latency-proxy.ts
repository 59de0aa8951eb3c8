import net from "node:net";
import type { AddressInfo } from "node:net";

export type LatencyProxy = { port: number; close(): Promise<void> };

/**
 * A TCP proxy that holds every chunk from the server for `delayMs` before passing it on: each network round
 * trip a client makes then costs at least `delayMs`, so tests can count round trips by the clock.
 */
export async function startLatencyProxy(
  target: { host: string; port: number },
  delayMs: number,
): Promise<LatencyProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    }
    client.on("data", (chunk) => upstream.write(chunk));
    // Same delay for every chunk: timers fire in order, so the stream is never reordered.
    upstream.on("data", (chunk) => setTimeout(() => client.writable && client.write(chunk), delayMs));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => setTimeout(() => client.destroy(), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { bridgeKey, verifyBridgeToken, type BridgeClaims } from "@/lib/jwt";

/** What the fake rest saw: the request as it arrived upstream, and the verified bridge token (or why not). */
export type UpstreamEcho = {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaderNames: string[];
  bridge: BridgeClaims | null;
  bridgeError: string | null;
  body: string;
};

/** A stand-in for rest on port 0 that verifies the bridge token with the pool secret and echoes everything. */
export async function startFakeUpstream(
  bridgeSecret: string,
): Promise<{ url: string; close: () => Promise<void>; seen: UpstreamEcho[] }> {
  const key = bridgeKey(bridgeSecret);
  const seen: UpstreamEcho[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
      let bridge: BridgeClaims | null = null;
      let bridgeError: string | null = null;
      try {
        bridge = await verifyBridgeToken(token, key);
      } catch (error) {
        bridgeError = error instanceof Error ? error.message : String(error);
      }
      let body = "";
      try {
        for await (const chunk of req) body += String(chunk);
      } catch {
        // The gateway cut the request short (body limit, stalled client): nothing was served.
        return;
      }
      const echo: UpstreamEcho = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase()),
        bridge,
        bridgeError,
        body,
      };
      seen.push(echo);
      // `?delay_ms=N` makes this answer slow, for drain and timeout tests.
      const delayMs = Number(new URL(req.url ?? "/", "http://upstream").searchParams.get("delay_ms") ?? 0);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      res.writeHead(bridge ? 200 : 401, {
        "content-type": "application/json",
        "x-request-id": "upstream-made-this-up",
      });
      res.end(JSON.stringify(echo));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

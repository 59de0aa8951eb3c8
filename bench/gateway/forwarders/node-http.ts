import http from "node:http";
import { clientResponseHeaders, upstreamRequestHeaders } from "@/gateway/pipeline/proxy-headers";
import { sendBadGateway, type ForwarderFactory } from "./types";

/** What gateway/pipeline/proxy.ts does today, minus its timeouts: http.request on a keep-alive Agent, piped. */
export const nodeHttpForwarder: ForwarderFactory = (upstreamUrl) => {
  const url = new URL(upstreamUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return {
    handle(req, res, identity) {
      const proxyReq = http.request({
        hostname: url.hostname,
        port: url.port,
        method: req.method,
        path: req.url,
        headers: upstreamRequestHeaders(req, identity),
        agent,
      });
      proxyReq.on("error", () => sendBadGateway(res));
      proxyReq.on("response", (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, clientResponseHeaders(upstreamRes.headers, identity.bridgeToken));
        upstreamRes.pipe(res);
      });
      req.pipe(proxyReq);
    },
    async close() {
      agent.destroy();
    },
  };
};

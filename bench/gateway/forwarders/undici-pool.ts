import { Pool } from "undici";
import { clientResponseHeaders, upstreamRequestHeaders } from "@/gateway/pipeline/proxy-headers";
import { sendBadGateway, type ForwarderFactory } from "./types";

/**
 * undici's Pool (the `undici` package: Node bundles undici for fetch but does not export Pool). `stream()`
 * writes the upstream body straight into the client response, without an intermediate Readable.
 */
export const undiciPoolForwarder: ForwarderFactory = (upstreamUrl) => {
  const pool = new Pool(upstreamUrl, { connections: 256, pipelining: 1, keepAliveTimeout: 60_000 });
  return {
    handle(req, res, identity) {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      pool
        .stream(
          {
            method: (req.method ?? "GET") as "GET",
            path: req.url ?? "/",
            headers: upstreamRequestHeaders(req, identity),
            body: hasBody ? req : null,
          },
          ({ statusCode, headers }) => {
            res.writeHead(statusCode, clientResponseHeaders(headers, identity.bridgeToken));
            return res;
          },
        )
        .catch(() => sendBadGateway(res));
    },
    close: () => pool.close(),
  };
};

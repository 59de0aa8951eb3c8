import http from "node:http";
import { createProxyMiddleware } from "http-proxy-middleware";
import {
  clientResponseHeaders,
  FORWARDED_REQUEST_HEADERS,
  type UpstreamIdentity,
} from "@/gateway/pipeline/proxy-headers";
import { sendBadGateway, type ForwarderFactory } from "./types";

// Host is kept (changeOrigin sets it to the upstream's): without it the upstream answers 400.
const ALLOWED = new Set<string>([...FORWARDED_REQUEST_HEADERS, "host"]);
const identities = new WeakMap<http.IncomingMessage, UpstreamIdentity>();

/**
 * http-proxy-middleware copies the client's headers, so the allow-list has to be applied by deleting every
 * other header in `proxyReq` (a deny-list by construction), then setting the gateway's own values.
 */
export const httpProxyMiddlewareForwarder: ForwarderFactory = (upstreamUrl) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const middleware = createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
    target: upstreamUrl,
    agent,
    xfwd: false,
    changeOrigin: true,
    selfHandleResponse: true,
    on: {
      proxyReq(proxyReq, req) {
        const identity = identities.get(req);
        for (const name of proxyReq.getHeaderNames()) if (!ALLOWED.has(name)) proxyReq.removeHeader(name);
        if (!identity) return;
        proxyReq.setHeader("authorization", `Bearer ${identity.bridgeToken}`);
        proxyReq.setHeader("accept-profile", identity.schema);
        proxyReq.setHeader("content-profile", identity.schema);
        proxyReq.setHeader("x-request-id", identity.requestId);
        proxyReq.setHeader("x-forwarded-for", req.socket.remoteAddress ?? "unknown");
        proxyReq.setHeader("x-forwarded-host", req.headers.host ?? "");
        proxyReq.setHeader("x-forwarded-proto", identity.publicScheme);
      },
      proxyRes(proxyRes, req, res) {
        const token = identities.get(req)?.bridgeToken ?? "";
        res.writeHead(proxyRes.statusCode ?? 502, clientResponseHeaders(proxyRes.headers, token));
        proxyRes.pipe(res);
      },
      error(_error, _req, res) {
        if (res instanceof http.ServerResponse) sendBadGateway(res);
      },
    },
  });
  return {
    handle(req, res, identity) {
      identities.set(req, identity);
      void middleware(req, res, () => sendBadGateway(res));
    },
    async close() {
      agent.destroy();
    },
  };
};

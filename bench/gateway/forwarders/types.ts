import type { IncomingMessage, ServerResponse } from "node:http";
import type { UpstreamIdentity } from "@/gateway/pipeline/proxy-headers";

/** A forwarder under test: relays one request to the upstream with the gateway's header rewrite. */
export type Forwarder = {
  handle(req: IncomingMessage, res: ServerResponse, identity: UpstreamIdentity): void;
  close(): Promise<void>;
};

export type ForwarderFactory = (upstreamUrl: string) => Forwarder;

/** The same failure answer for every prototype, so none is faster by answering errors cheaply. */
export function sendBadGateway(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { "content-type": "application/json" });
  res.end('{"code":"FLUX-GW-UPSTREAM-UNAVAILABLE"}');
}

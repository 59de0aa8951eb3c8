import type { IncomingMessage, ServerResponse } from "node:http";
import type { DispatchRing } from "../debug/dispatch-ring";
import { GatewayError, sendJson } from "../errors";
import type { GatewayMetrics } from "../metrics/interface";
import { sendHealthz } from "./healthz";
import { carriesInternalToken, isLoopbackPeer } from "./internal-access";
import { sendReadyz, type ReadinessProbes } from "./readyz";

export type OpsContext = {
  readiness: ReadinessProbes;
  metrics: GatewayMetrics;
  internalToken: string | undefined;
  debug: boolean;
  /** Builds the redacted debug snapshot; only called once access is granted. */
  snapshot: () => unknown;
  ring: DispatchRing;
};

const notFound = () =>
  new GatewayError({
    status: 404,
    code: "FLUX-GW-404",
    message: "Nothing is served at this path",
    hint: "See gateway/README.md for the ops endpoints",
  });
const internalOnly = () =>
  new GatewayError({
    status: 401,
    code: "FLUX-GW-INTERNAL-AUTH",
    message: "This endpoint needs the gateway's internal token",
    hint: "Send `Authorization: Bearer <FLUX_GATEWAY_INTERNAL_TOKEN>`",
  });

/** Serves one ops path (already matched by ops-host.ts); throws GatewayError for refusals. */
export async function serveOps(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  ops: OpsContext,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") throw notFound();
  if (path === "/healthz") return sendHealthz(res);
  if (path === "/readyz") return sendReadyz(res, ops.readiness);
  if (path === "/metrics") return sendMetrics(req, res, ops);
  // The debug snapshot does not exist unless debug mode is on AND a token is configured; then it needs the token.
  if (!ops.debug || !ops.internalToken) throw notFound();
  if (!carriesInternalToken(req, ops.internalToken)) throw internalOnly();
  sendJson(res, 200, ops.snapshot());
}

/** With an internal token configured it is required; without one only loopback peers (a local scraper) may read. */
async function sendMetrics(req: IncomingMessage, res: ServerResponse, ops: OpsContext): Promise<void> {
  const allowed = ops.internalToken ? carriesInternalToken(req, ops.internalToken) : isLoopbackPeer(req);
  if (!allowed) throw internalOnly();
  const rendered = await ops.metrics.render();
  if (!rendered) throw notFound();
  res.writeHead(200, { "Content-Type": rendered.contentType, "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : rendered.body);
}

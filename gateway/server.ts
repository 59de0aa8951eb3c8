import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { FluxConfig } from "@/lib/config";
import { createDb, type DbHandle } from "@/lib/db";
import { bridgeKey } from "@/lib/jwt";
import { createInProcessActivity } from "./activity/in-process";
import type { ActivityRecorder } from "./activity/interface";
import { loadGatewaySettings, type GatewaySettings } from "./config";
import { createProjectDirectory } from "./directory/project-directory";
import type { ProjectDirectory } from "./directory/types";
import { GatewayError, sendError, toGatewayError } from "./errors";
import { jsonLineLogger, type Logger } from "./log";
import { sendHealthz } from "./ops/healthz";
import { databaseProbe, restProbe, sendReadyz, type ReadinessProbes } from "./ops/readyz";
import { recordActivity } from "./pipeline/activity";
import { applyCors } from "./pipeline/cors";
import { mintBridge } from "./pipeline/bridge";
import { createUpstream, proxyToRest } from "./pipeline/proxy";
import { enforceRateLimit } from "./pipeline/rate-limit";
import { assignRequestId } from "./pipeline/request-id";
import { resolveHost } from "./pipeline/resolve-host";
import { verifyProjectJwt } from "./pipeline/verify-jwt";
import { createInProcessRateLimiter } from "./ratelimit/in-process";
import type { RateLimiter } from "./ratelimit/interface";
import type { RedisHealth } from "./redis/health";
import { createRedisServices, type RedisServices } from "./redis/redis-services";

export type GatewayDeps = {
  /** flux-system (read-only use); created from DATABASE_URL when omitted, and then closed by close(). */
  db?: DbHandle;
  directory?: ProjectDirectory;
  rateLimiter?: RateLimiter;
  activity?: ActivityRecorder;
  /** Gateway-only settings; parsed from process.env once, here, when omitted. */
  settings?: GatewaySettings;
  logger?: Logger;
  readiness?: ReadinessProbes;
  /** How long close() waits for in-flight requests before cutting their connections. */
  drainTimeoutMs?: number;
};

export type Gateway = {
  server: http.Server;
  close: () => Promise<void>;
  /** Fail-open counters and breaker state when REDIS_URL is set (for metrics); undefined without Redis. */
  redisHealth?: RedisHealth;
};

/**
 * The data plane's only public door. Every request walks the same named steps, in this order:
 * request-id → cors → resolve-host → verify-jwt → rate-limit → bridge → activity → proxy. The returned server is
 * not listening yet; the caller chooses the port.
 */
export function createGateway(config: FluxConfig, deps: GatewayDeps = {}): Gateway {
  const settings = deps.settings ?? loadGatewaySettings(process.env);
  const logger = deps.logger ?? jsonLineLogger(config.FLUX_LOG_LEVEL);
  const ownsDb = deps.db === undefined;
  const db: DbHandle = deps.db ?? createDb(config.DATABASE_URL, { max: 5, applicationName: "flux-gateway" });
  // With REDIS_URL, the limiter, host cache and activity are shared by every instance; without, per process.
  const redis: RedisServices | undefined = config.REDIS_URL
    ? createRedisServices(config.REDIS_URL, settings, logger)
    : undefined;
  const directory =
    deps.directory ??
    createProjectDirectory({
      db: db.db,
      masterKey: config.FLUX_MASTER_KEY,
      baseDomain: config.FLUX_BASE_DOMAIN,
      ttlMs: settings.FLUX_GATEWAY_HOST_CACHE_TTL_MS,
      shared: redis?.hostCache,
    });
  redis?.listenForEvictions(directory);
  const limiter = deps.rateLimiter ?? redis?.rateLimiter ?? createInProcessRateLimiter();
  const activity = deps.activity ?? redis?.activity ?? createInProcessActivity();
  const readiness = deps.readiness ?? { database: databaseProbe(db.pool), rest: restProbe(config.restUrl) };
  const upstream = createUpstream(config.restUrl, {
    connectTimeoutMs: settings.FLUX_GATEWAY_CONNECT_TIMEOUT_MS,
    readTimeoutMs: settings.FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS,
  });
  const poolKey = bridgeKey(config.FLUX_BRIDGE_SECRET);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = assignRequestId(req, res);
    const path = pathOf(req.url ?? "/");
    let tenantId: string | undefined;
    let code: string | undefined;
    try {
      if (applyCors(req, res)) return;
      if (req.method === "GET" || req.method === "HEAD") {
        if (path === "/healthz") return sendHealthz(res);
        if (path === "/readyz") return await sendReadyz(res, readiness);
      }
      const project = await resolveHost(req, directory);
      tenantId = project.tenantId;
      const claims = await verifyProjectJwt(req, project);
      await enforceRateLimit(res, project, limiter, settings.FLUX_RATE_LIMIT_MULTIPLIER, (error) =>
        logger({ level: "warn", msg: "rate limiter failed; request allowed (fail-open)", requestId, err: String(error) }),
      );
      const bridgeToken = await mintBridge(project, claims, poolKey);
      recordActivity(activity, project.tenantId, (error) =>
        logger({ level: "warn", msg: "activity recorder failed", requestId, err: String(error) }),
      );
      await proxyToRest(req, res, upstream, {
        bridgeToken,
        schema: project.schema,
        requestId,
        publicScheme: config.FLUX_PUBLIC_SCHEME,
      });
    } catch (error) {
      const refusal = toGatewayError(error);
      code = refusal.code;
      if (!(error instanceof GatewayError)) {
        logger({ level: "error", msg: "unhandled gateway error", requestId, err: error instanceof Error ? error.stack : String(error) });
      }
      sendError(res, refusal);
    } finally {
      logger({
        level: "info",
        msg: "request",
        requestId,
        method: req.method,
        host: req.headers.host?.slice(0, 255),
        path: path.slice(0, 512),
        status: res.statusCode,
        code,
        tenantId,
        durationMs: Math.round(performance.now() - started),
      });
    }
  }

  const server = http.createServer((req, res) => {
    void handle(req, res);
  });

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    closing ??= (async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), deps.drainTimeoutMs ?? 10_000);
      await drained;
      clearTimeout(deadline);
      upstream.agent.destroy();
      await redis?.close();
      if (ownsDb) await db.close();
    })();
    return closing;
  }

  return { server, close, redisHealth: redis?.health };
}

/** The path of origin-form or absolute-form targets, without the query (which may carry user data). */
function pathOf(requestTarget: string): string {
  if (requestTarget.startsWith("/")) return requestTarget.split("?")[0] ?? "/";
  return URL.canParse(requestTarget) ? new URL(requestTarget).pathname : requestTarget;
}

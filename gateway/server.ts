import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { FluxConfig } from "@/lib/config";
import { TokenCache } from "@/lib/jwt";
import { createDb, type DbHandle } from "@/lib/db";
import { gatewayDatabaseUrl } from "@/lib/db/gateway-role";
import { createInProcessActivity } from "./activity/in-process";
import type { ActivityRecorder } from "./activity/interface";
import { loadGatewaySettings, type GatewaySettings } from "./config";
import { DispatchRing } from "./debug/dispatch-ring";
import { debugSnapshot } from "./debug/snapshot";
import { createProjectDirectory } from "./directory/project-directory";
import type { ProjectDirectory } from "./directory/types";
import { GatewayError, sendError, toGatewayError } from "./errors";
import { IssuerKeySets } from "./jwks/issuer-key-sets";
import { jsonLineLogger, type Logger } from "./log";
import type { GatewayMetrics } from "./metrics/interface";
import { noopMetrics } from "./metrics/interface";
import { createPrometheusMetrics } from "./metrics/prometheus";
import { isOpsHost, OPS_PATHS } from "./ops/ops-host";
import { databaseProbe, restProbe, type ReadinessProbes } from "./ops/readyz";
import { serveOps } from "./ops/serve-ops";
import { recordActivity } from "./pipeline/activity";
import { createBridgeMinter, importBridgeSigningKey } from "./pipeline/bridge";
import { checkProfile } from "./pipeline/check-profile";
import { answerClientError } from "./pipeline/client-error";
import { applyCors } from "./pipeline/cors";
import { proxyToRest } from "./pipeline/proxy";
import { enforceRateLimit } from "./pipeline/rate-limit";
import { StepTimer } from "./pipeline/step-timer";
import { assignRequestId } from "./pipeline/request-id";
import { checkRequestLimits } from "./pipeline/request-limits";
import { resolveHost, unambiguousHost } from "./pipeline/resolve-host";
import { createUpstreamPool } from "./pipeline/upstream-pool";
import { verifyProjectJwt, type VerifiedToken } from "./pipeline/verify-jwt";
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
  /** Prometheus metrics unless FLUX_GATEWAY_METRICS=0 (then the no-op twin). */
  metrics?: GatewayMetrics;
  /** How long close() waits for in-flight requests before cutting their connections. */
  drainTimeoutMs?: number;
  /** Trusted issuers' JWKS cache; built from the FLUX_GATEWAY_JWKS_* settings when omitted. */
  issuerKeySets?: IssuerKeySets;
};

export type Gateway = {
  server: http.Server;
  close: () => Promise<void>;
  metrics: GatewayMetrics;
  /** Fail-open counters and breaker state when REDIS_URL is set; undefined without Redis. */
  redisHealth?: RedisHealth;
};

/**
 * The data plane's only public door. Every request walks the same named steps, in this order:
 * request-id → limits → (ops paths on ops hosts) → resolve-host → cors → verify-jwt → check-profile → rate-limit → bridge →
 * activity → proxy. The returned server is not listening yet; the caller chooses the port.
 */
export function createGateway(config: FluxConfig, deps: GatewayDeps = {}): Gateway {
  const settings = deps.settings ?? loadGatewaySettings(process.env);
  const logger = deps.logger ?? jsonLineLogger(config.FLUX_LOG_LEVEL);
  const metrics = deps.metrics ?? (settings.FLUX_GATEWAY_METRICS ? createPrometheusMetrics() : noopMetrics);
  const ownsDb = deps.db === undefined;
  // Read-only by construction: the gateway's own role can SELECT the host-lookup columns and nothing else.
  const databaseUrl =
    settings.FLUX_GATEWAY_DATABASE_URL ?? gatewayDatabaseUrl(config.DATABASE_URL, config.FLUX_DATA_PLANE_KEY);
  const db: DbHandle = deps.db ?? createDb(databaseUrl, { max: 5, applicationName: "flux-gateway" });
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
      onCacheLookup: (hit) => metrics.hostCacheLookup(hit),
      shared: redis?.hostCache,
    });
  redis?.listenForEvictions(directory);
  // Every request that went on without Redis is counted, by what it needed Redis for and why.
  redis?.health.onEvent((event) => {
    if (event.type === "fail-open") metrics.redisFailOpen(`${event.use}:${event.reason}`, event.requests);
  });
  const limiter = deps.rateLimiter ?? redis?.rateLimiter ?? createInProcessRateLimiter();
  const activity = deps.activity ?? redis?.activity ?? createInProcessActivity();
  const upstreamUrls = settings.FLUX_REST_UPSTREAMS.length > 0 ? settings.FLUX_REST_UPSTREAMS : [config.restUrl];
  const pool = createUpstreamPool(upstreamUrls, {
    connectTimeoutMs: settings.FLUX_GATEWAY_CONNECT_TIMEOUT_MS,
    readTimeoutMs: settings.FLUX_GATEWAY_UPSTREAM_TIMEOUT_MS,
  });
  const readiness = deps.readiness ?? { database: databaseProbe(db.pool), upstreams: upstreamUrls.map(restProbe) };
  const mintBridge = createBridgeMinter(importBridgeSigningKey(config.FLUX_BRIDGE_SECRET));
  const ring = new DispatchRing(100);
  const ops = {
    readiness,
    metrics,
    internalToken: settings.FLUX_GATEWAY_INTERNAL_TOKEN,
    debug: settings.FLUX_GATEWAY_DEBUG,
    snapshot: () => debugSnapshot(config, settings, { databaseUrl, upstreams: upstreamUrls }, ring),
    ring,
  };
  const opsHosts = { baseDomain: config.FLUX_BASE_DOMAIN, extraHosts: settings.FLUX_GATEWAY_OPS_HOSTS };
  const forward = { allowList: settings.FLUX_GATEWAY_FORWARD_HEADERS, trustProxy: settings.FLUX_TRUST_PROXY };
  const verifyOptions = {
    leewaySeconds: settings.FLUX_GATEWAY_JWT_LEEWAY_S,
    maxTokenBytes: settings.FLUX_GATEWAY_MAX_TOKEN_BYTES,
    cache: new TokenCache<VerifiedToken>({ maxEntries: 10_000, maxTokenLength: 4_096, reorderAfterMs: 1_000 }),
    issuers:
      deps.issuerKeySets ??
      new IssuerKeySets({
        cooldownMs: settings.FLUX_GATEWAY_JWKS_COOLDOWN_S * 1000,
        maxAgeMs: settings.FLUX_GATEWAY_JWKS_MAX_AGE_S * 1000,
        timeoutMs: settings.FLUX_GATEWAY_JWKS_TIMEOUT_MS,
        maxBytes: 256 * 1024,
        allowLoopbackHttp: config.FLUX_JWKS_ALLOW_LOOPBACK_HTTP,
        onFetch: (event) => logger({ level: event.ok ? "info" : "warn", msg: "jwks fetch", ...event }),
      }),
  };
  const limits = { maxUrlBytes: settings.FLUX_GATEWAY_MAX_URL_BYTES, maxBodyBytes: config.FLUX_BODY_LIMIT_BYTES };
  const bodyLimits = {
    maxBodyBytes: config.FLUX_BODY_LIMIT_BYTES,
    idleTimeoutMs: settings.FLUX_GATEWAY_BODY_IDLE_TIMEOUT_MS,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = assignRequestId(req, res);
    const path = pathOf(req.url ?? "/");
    const timer = new StepTimer(metrics);
    let tenantId: string | undefined;
    let plan = "none";
    let code: string | undefined;
    try {
      checkRequestLimits(req, limits);
      unambiguousHost(req);
      if (OPS_PATHS.has(path) && isOpsHost(req, opsHosts)) return await serveOps(path, req, res, ops);
      timer.begin("resolve");
      const project = await resolveHost(req, directory);
      timer.end();
      tenantId = project.tenantId;
      plan = project.plan;
      if (applyCors(req, res, project.corsOrigins)) return;
      timer.begin("verify");
      const claims = await verifyProjectJwt(req, project, verifyOptions);
      timer.end();
      checkProfile(req, project.schema);
      timer.begin("rate_limit");
      await enforceRateLimit(res, project, limiter, settings.FLUX_RATE_LIMIT_MULTIPLIER, (error) => {
        metrics.redisFailOpen("rate_limit");
        logger({
          level: "warn",
          msg: "rate limiter failed; request allowed (fail-open)",
          requestId,
          err: String(error),
        });
      });
      timer.end();
      timer.begin("bridge");
      const bridgeToken = await mintBridge(project, claims);
      timer.end();
      recordActivity(activity, project.tenantId, (error) =>
        logger({ level: "warn", msg: "activity recorder failed", requestId, err: String(error) }),
      );
      const identity = { bridgeToken, schema: project.schema, requestId, publicScheme: config.FLUX_PUBLIC_SCHEME };
      timer.begin("proxy");
      await proxyToRest(req, res, pool.forTenant(project.tenantId), identity, { forward, body: bodyLimits });
      timer.end();
    } catch (error) {
      timer.end();
      const refusal = toGatewayError(error);
      code = refusal.code;
      if (!(error instanceof GatewayError)) {
        logger({
          level: "error",
          msg: "unhandled gateway error",
          requestId,
          err: error instanceof Error ? error.stack : String(error),
        });
      } else if (error.cause !== undefined) {
        logger({
          level: "error",
          msg: "dependency failure",
          requestId,
          code,
          err: error.cause instanceof Error ? error.cause.message : String(error.cause),
        });
      }
      if (code === "FLUX-GW-UPSTREAM-UNAVAILABLE") metrics.upstreamFailure("connect");
      if (code === "FLUX-GW-UPSTREAM-TIMEOUT") metrics.upstreamFailure("timeout");
      sendError(res, refusal, config.guideUrl);
    } finally {
      timer.end();
      const durationMs = Math.round(performance.now() - started);
      const host = req.headers.host?.slice(0, 255) ?? null;
      metrics.requestFinished(res.statusCode, plan);
      const row = {
        requestId,
        time: new Date().toISOString(),
        host,
        tenantId: tenantId ?? null,
        method: req.method ?? "",
        path: path.slice(0, 512),
        status: res.statusCode,
        code: code ?? null,
        timings: { ...timer.timings, total: durationMs },
      };
      ring.push(row);
      redis?.dispatches.record(row);
      logger({
        level: "info",
        msg: "request",
        requestId,
        method: req.method,
        host,
        path: path.slice(0, 512),
        status: res.statusCode,
        code,
        tenantId,
        durationMs,
      });
    }
  }

  const server = http.createServer(
    {
      // node refuses a headersTimeout above requestTimeout; the head is part of the request anyway.
      headersTimeout: Math.min(settings.FLUX_GATEWAY_HEADERS_TIMEOUT_MS, settings.FLUX_GATEWAY_REQUEST_TIMEOUT_MS),
      requestTimeout: settings.FLUX_GATEWAY_REQUEST_TIMEOUT_MS,
      // node checks both timeouts on this interval; keep it short enough that a slowloris is cut promptly.
      connectionsCheckingInterval: Math.min(1_000, settings.FLUX_GATEWAY_HEADERS_TIMEOUT_MS),
    },
    (req, res) => {
      void handle(req, res);
    },
  );
  server.on("clientError", (error: Error & { code?: string }, socket) =>
    answerClientError(error, socket, config.guideUrl),
  );

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    closing ??= (async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), deps.drainTimeoutMs ?? 10_000);
      await drained;
      clearTimeout(deadline);
      pool.destroy();
      await redis?.close();
      if (ownsDb) await db.close();
    })();
    return closing;
  }

  return { server, close, metrics, redisHealth: redis?.health };
}

/** The path of origin-form or absolute-form targets, without the query (which may carry user data). */
function pathOf(requestTarget: string): string {
  if (requestTarget.startsWith("/")) return requestTarget.split("?")[0] ?? "/";
  return URL.canParse(requestTarget) ? new URL(requestTarget).pathname : requestTarget;
}

import http from "node:http";
import type { FluxConfig } from "@/lib/config";
import { createBridgeVerifier } from "@/lib/jwt";
import { createRequestHandler } from "./handlers/handle-request";
import { createLogger, type Logger } from "./log";
import { TenantPools } from "./pools/tenant-pools";
import { listenForSchemaReload } from "./schema-cache/listen-for-reload";
import { SchemaCache, type SchemaCacheOptions } from "./schema-cache/schema-cache";

export type RestServerOptions = { logger?: Logger; schemaCache?: SchemaCacheOptions };

export type RestServer = {
  server: http.Server;
  /** Resolves once the schema-reload LISTEN connection is up (NOTIFYs sent before that are not seen). */
  ready: Promise<void>;
  close(): Promise<void>;
};

/**
 * The PostgREST-compatible data API. It does not listen by itself: the caller picks the port (main.ts binds
 * 127.0.0.1:FLUX_REST_PORT; tests bind port 0). Config is read once here, never per request.
 */
export function createRestServer(config: FluxConfig, options: RestServerOptions = {}): RestServer {
  const logger = options.logger ?? createLogger(config.FLUX_LOG_LEVEL);
  const schemas = new SchemaCache(options.schemaCache);
  const pools = new TenantPools({
    // Tenant logins may go through a pooler (PgBouncer, transaction mode); the LISTEN below never does.
    clusterDatabaseUrl: config.FLUX_REST_POOL_URL ?? config.tenantDatabaseUrl,
    dataPlaneKey: config.FLUX_DATA_PLANE_KEY,
    maxConnections: config.FLUX_REST_MAX_CONNECTIONS,
    logger,
  });
  const listener = listenForSchemaReload({
    databaseUrl: config.tenantDatabaseUrl,
    logger,
    onReload: (request) => {
      if (request.kind === "all") schemas.invalidateAll();
      if (request.kind === "schema") schemas.invalidate(request.schema);
      logger.debug("schema cache reload", { request });
    },
  });
  const handle = createRequestHandler({
    bridge: createBridgeVerifier(config.FLUX_BRIDGE_SECRET),
    pools,
    schemas,
    logger,
    maxRows: config.FLUX_REST_MAX_ROWS,
    bodyLimitBytes: config.FLUX_BODY_LIMIT_BYTES,
    deadlineMarginMs: config.FLUX_REST_DEADLINE_MARGIN_MS,
    guideUrl: config.guideUrl,
  });
  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeout, so they never reuse a closed socket

  let closing: Promise<void> | null = null;
  return {
    server,
    ready: listener.ready,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await Promise.all([listener.close(), pools.close()]);
      })();
      return closing;
    },
  };
}

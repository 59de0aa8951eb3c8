import pg from "pg";
import type { Logger } from "@/rest/log";
import { parseReloadPayload, type ReloadRequest } from "./reload-payload";
import { scopeReloadToSender } from "./scope-reload-to-sender";

export type ReloadListener = {
  /** Resolves once LISTEN is in place for the first time (tests wait on it before sending NOTIFY). */
  ready: Promise<void>;
  close(): Promise<void>;
};

const CHANNEL = "pgrst";
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

/**
 * LISTEN pgrst on a dedicated, unpooled connection (transaction pooling would drop it). A tenant login's
 * notification reloads at most that tenant's schema (scope-reload-to-sender.ts). On any error the
 * connection is replaced with exponential backoff; after a reconnect everything is reloaded, because
 * notifications sent while it was down are lost.
 */
export function listenForSchemaReload(options: {
  databaseUrl: string;
  onReload: (request: ReloadRequest) => void;
  logger: Logger;
}): ReloadListener {
  const { databaseUrl, onReload, logger } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let backoff = MIN_BACKOFF_MS;
  let timer: NodeJS.Timeout | null = null;
  let connectedOnce = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const scheduleReconnect = (reason: string) => {
    if (closed || timer) return;
    logger.warn("schema reload listener lost its connection; reconnecting", { reason, retryInMs: backoff });
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, backoff);
    timer.unref();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "flux-rest-listener" });
    client = next;
    // Only the current connection may trigger a reconnect, and only once ('error' is usually followed by 'end').
    const lost = (reason: string) => {
      if (client !== next) return;
      client = null;
      void next.end().catch(() => undefined);
      scheduleReconnect(reason);
    };
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("connection ended"));
    // One sender lookup at a time, in arrival order (node-postgres queues queries on one client anyway).
    let lookups = Promise.resolve();
    next.on("notification", (message) => {
      if (message.channel !== CHANNEL) return;
      const request = parseReloadPayload(message.payload);
      lookups = lookups.then(async () =>
        onReload(scopeReloadToSender(request, await senderRole(next, message.processId))),
      );
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (client !== next) return;
    backoff = MIN_BACKOFF_MS;
    if (connectedOnce) onReload({ kind: "all" });
    connectedOnce = true;
    markReady();
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

/** The login of the backend that sent a notification; null once it has gone (or if the lookup fails). */
async function senderRole(client: pg.Client, pid: number): Promise<string | null> {
  try {
    const { rows } = await client.query<{ usename: string | null }>(
      "select usename from pg_catalog.pg_stat_activity where pid = $1",
      [pid],
    );
    return rows[0]?.usename ?? null;
  } catch {
    return null;
  }
}

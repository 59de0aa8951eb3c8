import type { AddressInfo } from "node:net";
import pg from "pg";
import { loadConfig, type FluxConfig } from "@/lib/config";
import { quoteIdent } from "@/lib/engines/sql";
import { bridgeKey, mintBridgeToken, type BridgePlan } from "@/lib/jwt";
import { createLogger } from "@/rest/log";
import { createRestServer, type RestServer, type RestServerOptions } from "@/rest/server";
import type { TestTenant } from "@/tests/fixtures/tenant";

export type RunningRest = {
  rest: RestServer;
  config: FluxConfig;
  baseUrl: string;
  close(): Promise<void>;
};

/** A real rest server on an ephemeral loopback port, configured from the integration run's environment. */
export async function startRest(
  overrides: Partial<FluxConfig> = {},
  options: RestServerOptions = {},
): Promise<RunningRest> {
  const config = { ...loadConfig(process.env), ...overrides };
  const rest = createRestServer(config, { logger: createLogger("error"), ...options });
  await new Promise<void>((resolve) => rest.server.listen(0, "127.0.0.1", resolve));
  await rest.ready;
  const { port } = rest.server.address() as AddressInfo;
  return { rest, config, baseUrl: `http://127.0.0.1:${port}`, close: () => rest.close() };
}

/** The bridge token the gateway would mint for this tenant (role and tenant_id overridable for attacks). */
export function bridgeTokenFor(
  config: FluxConfig,
  tenant: TestTenant,
  overrides: {
    role?: string;
    tenantId?: string;
    claims?: Record<string, unknown>;
    secret?: string;
    plan?: BridgePlan;
  } = {},
): Promise<string> {
  return mintBridgeToken(
    {
      role: overrides.role ?? tenant.credentials.role,
      tenant_id: overrides.tenantId ?? tenant.tenantId,
      claims: overrides.claims ?? { sub: "user-1", role: "authenticated" },
      plan: overrides.plan ?? tenant.project.plan,
    },
    bridgeKey(overrides.secret ?? config.FLUX_BRIDGE_SECRET),
  );
}

export async function call(
  baseUrl: string,
  path: string,
  init: { token?: string; method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? "GET", headers, body: init.body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

/** Runs SQL as the tenant's owner role WITHOUT the NOTIFY that importSql sends (a hand-applied migration). */
export async function runAsOwnerWithoutNotify(tenant: TestTenant, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: tenant.credentials.ownerDatabaseUrl });
  await client.connect();
  try {
    await client.query(`set search_path = ${quoteIdent(tenant.credentials.schema)}`);
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** NOTIFY pgrst as the cluster superuser, as `flux push` or an operator would. */
export async function notifyPgrst(config: FluxConfig, payload: string): Promise<void> {
  const client = new pg.Client({ connectionString: config.tenantDatabaseUrl });
  await client.connect();
  try {
    await client.query("select pg_notify('pgrst', $1)", [payload]);
  } finally {
    await client.end();
  }
}

export const NOTES_SQL = `
create table notes (
  id bigint primary key,
  title text not null,
  done boolean not null default false,
  author text default current_setting('request.jwt.claims', true)::json ->> 'sub'
);`;

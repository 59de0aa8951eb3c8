import http from "node:http";
import { PostgrestClient } from "@supabase/postgrest-js";
import { signProjectToken } from "@/lib/jwt";
import { startTestGateway, type TestGateway } from "@/gateway/testing/harness";
import { seedProject, type SeededProject } from "@/gateway/testing/seed-project";
import { startRest, type RunningRest } from "@/rest/testing/harness";
import { provisionTestTenant, type TestTenant } from "@/tests/fixtures/tenant";

/**
 * The conformance suite's world: the real rest behind the real gateway, one provisioned tenant with the
 * fixture SQL of the file applied through the control plane's path (importSql as the owner role, NOTIFY).
 * Every request goes over HTTP to the gateway with the project's Service URL as Host, as a user's app would.
 */
export type Conformance = {
  tenant: TestTenant;
  project: SeededProject;
  /** t_<shortid>_api — the schema every request is served from. */
  schema: string;
  /** postgrest-js (unmodified, from npm) pointed at the gateway, signed as `role` (default authenticated). */
  client(options?: { role?: string; sub?: string; claims?: Record<string, unknown> }): Promise<PostgrestClient>;
  /** A raw request through the gateway, for what postgrest-js cannot express. */
  request(path: string, init?: RawInit): Promise<RawAnswer>;
  /** A token for this project (HS256 with its secret). */
  token(options?: { role?: string; sub?: string; claims?: Record<string, unknown> }): Promise<string>;
  /** Applies more SQL to the tenant as its owner (reloads rest's schema cache like `flux push`). */
  push(sql: string): Promise<void>;
  close(): Promise<void>;
};

export type RawInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sign as this role; `null` sends no Authorization header. Default: authenticated. */
  role?: string | null;
  sub?: string;
  claims?: Record<string, unknown>;
};

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => any };

/** Start once per test file (beforeAll); `fixtureSql` runs as the tenant owner and may grant to the API role. */
export async function startConformance(
  fixtureSql: (names: { role: string; schema: string }) => string,
): Promise<Conformance> {
  const rest: RunningRest = await startRest();
  const gateway: TestGateway = await startTestGateway({ restUrl: rest.baseUrl });
  const tenant = await provisionTestTenant("pro");
  const names = { role: tenant.credentials.role, schema: tenant.credentials.schema };
  const push = (sql: string) =>
    tenant.engine.importSql(tenant.project, { name: "conformance", sql, actorUserId: null }).then(() => undefined);
  await push(fixtureSql(names));
  const project = await seedProject(gateway.seedDb.db, {
    tenantId: tenant.tenantId,
    plan: "pro",
    rateLimitPerMinute: 1_000_000,
  });

  const token = async (options: { role?: string; sub?: string; claims?: Record<string, unknown> } = {}) =>
    (
      await signProjectToken({
        secret: project.secret,
        role: options.role ?? "authenticated",
        sub: options.sub ?? "user-1",
        extraClaims: options.claims,
        expiresInSeconds: 300,
      })
    ).token;

  const fetchThroughGateway = gatewayFetch(gateway.port, project.host);
  return {
    tenant,
    project,
    schema: names.schema,
    token,
    async client(options = {}) {
      return new PostgrestClient(`http://${project.host}`, {
        headers: { Authorization: `Bearer ${await token(options)}` },
        fetch: fetchThroughGateway,
      });
    },
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.role !== null)
        headers.authorization ??= `Bearer ${await token({ role: init.role, sub: init.sub, claims: init.claims })}`;
      if (init.body !== undefined) headers["content-type"] ??= "application/json";
      const response = await fetchThroughGateway(`http://${project.host}${path}`, {
        method: init.method ?? "GET",
        headers,
        body: init.body,
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        text,
        json: () => JSON.parse(text),
      };
    },
    push,
    async close() {
      await gateway.close();
      await rest.close();
      await tenant.cleanup();
    },
  };
}

/**
 * A WHATWG fetch that sends every request to the gateway on 127.0.0.1 with the Service URL as Host (undici's
 * fetch refuses to set Host, and *.localhost does not resolve everywhere).
 */
function gatewayFetch(port: number, host: string): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    return await new Promise<Response>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          method: init.method ?? "GET",
          path: `${url.pathname}${url.search}`,
          headers: { ...Object.fromEntries(headers), host },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const item of Array.isArray(value) ? value : [value ?? ""]) responseHeaders.append(name, item);
            }
            const status = res.statusCode ?? 0;
            const nullBody = status === 204 || status === 304 || (init.method ?? "GET") === "HEAD";
            resolve(
              new Response(nullBody ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage,
                headers: responseHeaders,
              }),
            );
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }) as typeof fetch;
}

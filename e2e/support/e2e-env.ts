import path from "node:path";

/**
 * FLUX_E2E_PORT_OFFSET shifts every port (and the home and database names) so two checkouts can run the
 * end-to-end suite on one machine at the same time.
 */
// At most 10000: the highest shifted port (embedded PostgreSQL, 54331 + offset) must stay below 65536.
const OFFSET = Number(process.env.FLUX_E2E_PORT_OFFSET ?? 0);
if (!Number.isInteger(OFFSET) || OFFSET < 0 || OFFSET > 10000)
  throw new Error("FLUX_E2E_PORT_OFFSET must be an integer from 0 to 10000");

export const E2E_PORTS = {
  web: 3310 + OFFSET,
  gateway: 8390 + OFFSET,
  rest: 3410 + OFFSET,
  embeddedPg: 54331 + OFFSET,
  dns: 5390 + OFFSET,
};
export const E2E_HOME = path.resolve(".flux", OFFSET === 0 ? "e2e" : `e2e-${OFFSET}`);

/** The environment of the stack under test and of every CLI call the specs make. */
export function e2eEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, {
    FLUX_HOME: E2E_HOME,
    FLUX_WEB_PORT: String(E2E_PORTS.web),
    FLUX_GATEWAY_PORT: String(E2E_PORTS.gateway),
    FLUX_REST_PORT: String(E2E_PORTS.rest),
    FLUX_EMBEDDED_PG_PORT: String(E2E_PORTS.embeddedPg),
    NEXTAUTH_URL: `http://localhost:${E2E_PORTS.web}`,
    // The specs make more requests per minute than the free plan's 20; the limiter itself is tested elsewhere.
    FLUX_RATE_LIMIT_MULTIPLIER: "50",
    // Custom-domain verification asks the specs' own DNS responder (tests/fixtures/dns-server.ts), never the Internet.
    FLUX_DNS_SERVERS: `127.0.0.1:${E2E_PORTS.dns}`,
  });
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = OFFSET === 0 ? "/flux_e2e" : `/flux_e2e_${OFFSET}`;
    env.DATABASE_URL = url.toString();
  }
  return env;
}

import path from "node:path";

export const E2E_PORTS = { web: 3310, gateway: 8390, rest: 3410, embeddedPg: 54331 };
export const E2E_HOME = path.resolve(".flux", "e2e");

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
  });
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/flux_e2e";
    env.DATABASE_URL = url.toString();
  }
  return env;
}

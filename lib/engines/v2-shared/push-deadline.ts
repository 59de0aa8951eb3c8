import pg from "pg";

export type PushDeadline = { fired: () => boolean; stop: () => void };

/**
 * Ends the push's backend from outside (as the cluster superuser, `pg_terminate_backend`) once the push has
 * run `seconds`. Tenant SQL can `SET statement_timeout = 0` or catch a query cancel in plpgsql; it can do
 * neither about a terminated backend, so this is the limit a push cannot lift.
 */
export function startPushDeadline(adminUrl: string, backendPid: number, seconds: number): PushDeadline {
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    void terminate(adminUrl, backendPid);
  }, seconds * 1000);
  timer.unref();
  return { fired: () => fired, stop: () => clearTimeout(timer) };
}

async function terminate(adminUrl: string, pid: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "flux-push-deadline" });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select pg_catalog.pg_terminate_backend($1)", [pid]);
  } catch {
    // The backend is gone already, or the cluster is unreachable (then the push fails on its own).
  } finally {
    await client.end().catch(() => undefined);
  }
}

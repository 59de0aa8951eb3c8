import pg from "pg";

/**
 * Runs `work` inside a READ ONLY transaction with a short statement timeout, then ROLLS BACK — always, also on
 * success: nothing a diagnosis or an advisor does may ever commit. Each call is its own connection.
 */
export async function inRolledBackTransaction<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    application_name: "flux-troubleshoot",
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    await client.query("begin transaction read only");
    await client.query(`set local statement_timeout = ${Math.max(100, Math.floor(options.timeoutMs ?? 3_000))}`);
    await client.query("set local lock_timeout = 1000");
    return await work(client);
  } finally {
    await client.query("rollback").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

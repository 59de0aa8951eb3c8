import { E_TIMEOUT, Mutex, withTimeout, type MutexInterface } from "async-mutex";
import pg from "pg";

/** The lock stayed taken for the whole wait; `name` says which (e.g. `push:<tenant_id>`). */
export class ControlPlaneLockBusyError extends Error {
  constructor(
    readonly lockName: string,
    readonly waitedMs: number,
  ) {
    super(`The control-plane lock ${lockName} was still held after ${Math.round(waitedMs / 1000)} s`);
    this.name = "ControlPlaneLockBusyError";
  }
}

/** Waiters of one process queue here, in memory, so a queue of them holds no database connection. */
const waiting = new Map<string, { mutex: Mutex; users: number }>();

/**
 * Runs `work` while holding the named locks, taken in the order given (callers keep one global order:
 * push, then roles, then shared objects). Each lock is a row of flux-system's control_plane_locks held
 * `FOR UPDATE` by one open transaction on a connection of its own, so it is released when `work` settles or
 * the process dies, and tenant SQL, which runs on the tenant cluster, can neither take nor see it. Waiters in
 * the same process queue in memory first; the whole wait is bounded by `waitMs`, then ControlPlaneLockBusyError.
 * `forget` deletes the rows as the locks are released (the tenant they named is gone).
 */
export async function withControlPlaneLocks<T>(
  systemDatabaseUrl: string,
  names: string[],
  options: { waitMs: number; forget?: boolean },
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + options.waitMs;
  const releases: MutexInterface.Releaser[] = [];
  try {
    for (const name of names) releases.push(await waitInProcess(name, deadline, options.waitMs));
    return await holdRows(systemDatabaseUrl, names, deadline, options, work);
  } finally {
    for (const release of releases.reverse()) release();
  }
}

async function waitInProcess(name: string, deadline: number, waitMs: number): Promise<MutexInterface.Releaser> {
  const entry = waiting.get(name) ?? { mutex: new Mutex(), users: 0 };
  waiting.set(name, entry);
  entry.users += 1;
  const done = () => {
    entry.users -= 1;
    if (entry.users === 0) waiting.delete(name);
  };
  try {
    const release = await withTimeout(entry.mutex, Math.max(1, deadline - Date.now())).acquire();
    return () => {
      release();
      done();
    };
  } catch (error) {
    done();
    throw error === E_TIMEOUT ? new ControlPlaneLockBusyError(name, waitMs) : error;
  }
}

async function holdRows<T>(
  systemDatabaseUrl: string,
  names: string[],
  deadline: number,
  options: { waitMs: number; forget?: boolean },
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: systemDatabaseUrl, application_name: "flux-lock" });
  // A dropped connection releases the locks; the error must not crash the process (the work goes on, and
  // the next statement on this client fails and is reported).
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("begin");
    for (const name of names) {
      await client.query(`set local lock_timeout = ${Math.max(1, deadline - Date.now())}`);
      try {
        await client.query(
          "insert into control_plane_locks (name) values ($1) on conflict (name) do update set taken_at = now()",
          [name],
        );
      } catch (error) {
        if ((error as { code?: string }).code === "55P03") throw new ControlPlaneLockBusyError(name, options.waitMs);
        throw error;
      }
    }
    await client.query("set local lock_timeout = 0");
    const result = await work();
    if (options.forget) await client.query("delete from control_plane_locks where name = any($1::text[])", [names]);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

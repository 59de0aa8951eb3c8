import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import type { FluxConfig } from "@/lib/config";
import type { TenantCredentials } from "@/lib/engines/types";
import { tenantIdentifiers } from "@/lib/tenancy";
import { missingTool, runPgTool, spawnPgTool, tailOf } from "./pg-tools";

/**
 * Restores a tenant export into another (new, empty) tenant. pg_restore turns the archive into SQL; the old
 * tenant's identifiers (schema, API role, owner role) are rewritten to the new one's outside COPY data; the
 * script runs through psql logged in as the new tenant's owner role in one transaction. So the objects are
 * owned by that role, its default privileges give the API role what the grant policy says, and the SQL can
 * reach nothing outside its schema — the same rule as `flux push`. The schema entry itself is skipped:
 * provisioning already made it with the right owner and grants.
 */
export async function restoreIntoTenant(
  config: FluxConfig,
  archive: string,
  fromTenantId: string,
  target: TenantCredentials,
): Promise<void> {
  const from = tenantIdentifiers(fromTenantId);
  const dir = await mkdtemp(path.join(os.tmpdir(), "flux-restore-"));
  try {
    const listing = await runPgTool(config, "pg_restore", ["--list", archive]);
    const listFile = path.join(dir, "restore.list");
    await writeFile(listFile, withoutSchemaEntry(listing, from.schema));
    const restore = spawnPgTool(config, "pg_restore", [
      "--no-owner",
      "--no-acl",
      "--use-list",
      listFile,
      "--file",
      "-",
      archive,
    ]);
    const psql = spawnPgTool(
      config,
      "psql",
      ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", "-"],
      target.ownerDatabaseUrl,
    );
    const errors = { restore: [] as Buffer[], psql: [] as Buffer[] };
    restore.stderr?.on("data", (c: Buffer) => errors.restore.push(c));
    psql.stderr?.on("data", (c: Buffer) => errors.psql.push(c));
    const done = (child: typeof restore, tool: "pg_restore" | "psql") =>
      new Promise<number | null>((resolve, reject) => {
        child.on("error", (error) => reject(missingTool(tool, error)));
        child.on("close", resolve);
      });
    if (!restore.stdout || !psql.stdin) throw new Error("restore tools started without pipes");
    restore.stdin?.end();
    const [, restoreCode, psqlCode] = await Promise.all([
      pipeline(restore.stdout, renameTenant(from, tenantIdentifiers(target.tenantId)), psql.stdin).catch(
        () => undefined,
      ),
      done(restore, "pg_restore"),
      done(psql, "psql"),
    ]);
    if (restoreCode !== 0)
      throw new Error(
        `pg_restore exited with ${restoreCode}: ${tailOf(Buffer.concat(errors.restore).toString("utf8"))}`,
      );
    if (psqlCode !== 0)
      throw new Error(
        `restoring as ${target.ownerRole} failed: ${tailOf(Buffer.concat(errors.psql).toString("utf8"))}`,
      );
    await notifySchemaReload(target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Comments out the archive's SCHEMA entry (and its comment) so the provisioned schema is reused. */
export function withoutSchemaEntry(listing: string, schema: string): string {
  return listing
    .split("\n")
    .map((line) =>
      new RegExp(`^\\d+;\\s+\\d+\\s+\\d+\\s+(SCHEMA|COMMENT) - (SCHEMA )?${schema} `).test(line) ? `;${line}` : line,
    )
    .join("\n");
}

type Ids = ReturnType<typeof tenantIdentifiers>;

/** Rewrites `t_<old>_api|role|owner` to the new tenant's names on every line except COPY data rows. */
export function renameTenant(from: Ids, to: Ids): Transform {
  const pattern = new RegExp(`\\bt_${from.shortId}_(api|role|owner)\\b`, "g");
  const replacement = `t_${to.shortId}_$1`;
  let inCopy = false;
  let carry = "";
  // A chunk may end inside a multi-byte character; the decoder holds it until the rest arrives.
  const decoder = new StringDecoder("utf8");
  const rewrite = (line: string): string => {
    if (inCopy) {
      if (line === "\\.") inCopy = false;
      return line;
    }
    if (line.startsWith("COPY ")) inCopy = true;
    return line.replace(pattern, replacement);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const lines = (carry + decoder.write(chunk)).split("\n");
      carry = lines.pop() ?? "";
      callback(null, lines.map((line) => `${rewrite(line)}\n`).join(""));
    },
    flush(callback) {
      const rest = carry + decoder.end();
      callback(null, rest ? rewrite(rest) : "");
    },
  });
}

async function notifySchemaReload(target: TenantCredentials): Promise<void> {
  const client = new pg.Client({ connectionString: target.ownerDatabaseUrl, application_name: "flux-restore" });
  await client.connect();
  try {
    await client.query("select pg_catalog.pg_notify('pgrst', $1)", [target.schema]);
  } finally {
    await client.end();
  }
}

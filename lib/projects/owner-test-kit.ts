import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { auditLog } from "@/drizzle/schema";
import { loadConfig, type FluxConfig } from "@/lib/config";
import type { Actor, Ctx } from "@/lib/context";
import { createDb, type DbHandle } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { createProject } from "./create-project";
import { engineOf, engineProjectOf } from "./engine";
import type { ProjectRow } from "./types";

/**
 * Test helpers that need nothing but lib/ (no route, no Next.js): a Ctx on the integration run's flux-system
 * database, users, real provisioned projects and SQL run as a project's owner role. Each test makes its own.
 */
let config: FluxConfig | undefined;
let handle: DbHandle | undefined;

export const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(4).toString("hex")}`;

export function libCtx(actor: Actor | null = null, overrides: Partial<FluxConfig> = {}): Ctx {
  config ??= loadConfig(process.env);
  handle ??= createDb(config.DATABASE_URL, { max: 4, applicationName: "flux-lib-test" });
  return { db: handle.db, config: { ...config, ...overrides }, actor, requestId: uniqueName("req_lib") };
}

export async function closeLibCtx(): Promise<void> {
  await handle?.close();
  handle = undefined;
}

export async function newActor(platformRole: Actor["platformRole"] = "user"): Promise<Actor> {
  const user = await createUser({
    ctx: libCtx(),
    input: {
      email: `${uniqueName("user")}@example.test`,
      password: `pw-${randomBytes(8).toString("hex")}`,
      platformRole,
    },
  });
  return { userId: user.id, platformRole };
}

export async function newOwnedProject(
  actor: Actor,
  options: { plan?: ProjectRow["plan"]; prefix?: string } = {},
): Promise<ProjectRow> {
  return createProject({
    ctx: libCtx(actor),
    input: { slug: uniqueName(options.prefix ?? "p"), plan: options.plan ?? "free" },
  });
}

/** Runs SQL logged in as the project's owner role, search_path = its schema. */
export async function runAsOwner(project: ProjectRow, sql: string): Promise<void> {
  const ctx = libCtx();
  const credentials = engineOf(ctx, project.mode).getCredentials(
    engineProjectOf(project, ctx.config.tenantDatabaseUrl),
  );
  const client = new pg.Client({ connectionString: credentials.ownerDatabaseUrl });
  await client.connect();
  try {
    await client.query(`set search_path = ${credentials.schema}`);
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const auditRowsOf = (tenantId: string, action: string) =>
  libCtx()
    .db.select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
    .orderBy(auditLog.id);

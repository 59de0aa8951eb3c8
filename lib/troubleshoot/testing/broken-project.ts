import pg from "pg";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { newProject, type CreatedProject } from "@/app/api/v1/project-test-kit";
import { newSignedInUser, testCtx } from "@/app/api/v1/route-test-kit";
import { projects } from "@/drizzle/schema";
import { getServerConfig } from "@/lib/api/server-config";
import { getServerDb } from "@/lib/api/server-db";
import type { Ctx } from "@/lib/context";
import { pushProjectMigrations } from "@/lib/projects/push-project-migrations";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { tenantIdentifiers } from "@/lib/tenancy";

export type BrokenProject = {
  project: CreatedProject;
  ctx: Ctx;
  schema: string;
  role: string;
  /** Applies SQL through flux push's verb (as the owner role, with the NOTIFY that reloads the data API). */
  push: (sql: string) => Promise<void>;
  /** A project token signed the way an app would; override anything to break it. */
  token: (
    claims?: Record<string, unknown>,
    options?: { alg?: string; secret?: string; expSecondsFromNow?: number },
  ) => Promise<string>;
  secret: string;
};

/** A real provisioned project (through the control-plane API) owned by a fresh user, ready to be broken. */
export async function brokenProject(restUrl: string): Promise<BrokenProject> {
  const owner = await newSignedInUser();
  const project = await newProject(owner, "pro", "diag");
  const config = { ...getServerConfig(), restUrl };
  const ctx: Ctx = { ...testCtx(owner.actor), config };
  const [row] = await getServerDb().select().from(projects).where(eq(projects.tenantId, project.tenantId));
  if (!row) throw new Error("project row missing in test setup");
  const secret = decryptSecret(row.jwtSecretEncrypted, config.FLUX_MASTER_KEY, jwtSecretContext(project.tenantId));
  const ids = tenantIdentifiers(project.tenantId);
  let pushed = 0;
  return {
    project,
    ctx,
    schema: ids.schema,
    role: ids.role,
    secret,
    push: async (sql) => {
      pushed += 1;
      const fileName = `${String(pushed).padStart(4, "0")}_fixture.sql`;
      await pushProjectMigrations({ ctx, slug: project.slug, input: { files: [{ fileName, sql }] } });
    },
    token: async (claims = { role: "authenticated", sub: "user-1" }, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
        .setIssuedAt(now - 10)
        .setExpirationTime(now + (options.expSecondsFromNow ?? 600))
        .sign(new TextEncoder().encode(options.secret ?? secret));
    },
  };
}

/** Runs SQL on the tenant cluster as its superuser: how a hand-applied change (no NOTIFY, any schema) looks. */
export async function asTenantSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: getServerConfig().tenantDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

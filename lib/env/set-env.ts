import { and, eq } from "drizzle-orm";
import { projectEnv } from "@/drizzle/schema";
import { parseInput } from "@/lib/api/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireMemberRole, WRITER_ROLES } from "@/lib/projects/require-member-role";
import { encryptSecret } from "@/lib/secrets";
import { envSecretContext, SetEnvInput, type EnvVarResponse } from "./inputs";
import { toEnvResponse } from "./to-env-response";

/**
 * Creates or replaces one variable (owner or developer). A secret value is encrypted bound to (project, key)
 * and can afterwards only be replaced or removed, never read. The audit row names the key and kind; it
 * carries the value only for plain variables.
 */
export async function setEnv({
  ctx,
  slug,
  input,
}: {
  ctx: Ctx;
  slug: string;
  input: SetEnvInput;
}): Promise<EnvVarResponse> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireMemberRole(access, WRITER_ROLES, "set environment variables");
  const parsed = parseInput(SetEnvInput, input);
  const { tenantId } = access.project;
  const stored = parsed.secret
    ? {
        secret: true,
        value: null,
        valueEncrypted: encryptSecret(parsed.value, ctx.config.FLUX_MASTER_KEY, envSecretContext(tenantId, parsed.key)),
      }
    : { secret: false, value: parsed.value, valueEncrypted: null };

  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(projectEnv)
      .where(and(eq(projectEnv.tenantId, tenantId), eq(projectEnv.key, parsed.key)))
      .for("update");
    const [row] = await tx
      .insert(projectEnv)
      .values({ tenantId, key: parsed.key, ...stored })
      .onConflictDoUpdate({ target: [projectEnv.tenantId, projectEnv.key], set: { ...stored, updatedAt: new Date() } })
      .returning();
    if (!row) throw new Error("upsert into project_env returned no row");
    await writeAudit(tx, {
      actorUserId: ctx.actor?.userId ?? null,
      action: before ? "project.env.update" : "project.env.create",
      targetType: "env",
      targetId: parsed.key,
      tenantId,
      details: {
        slug: access.project.slug,
        key: parsed.key,
        before: before ? auditView(toEnvResponse(before)) : null,
        after: auditView(toEnvResponse(row)),
      },
      requestId: ctx.requestId,
    });
    return toEnvResponse(row);
  });
}

/** "kind", not "secret": the audit redactor drops any key that looks like a secret name. */
export const auditView = (env: EnvVarResponse) => ({ kind: env.secret ? "secret" : "plain", value: env.value });

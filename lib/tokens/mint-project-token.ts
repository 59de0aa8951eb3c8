import type { projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Ctx } from "@/lib/context";
import { signProjectToken } from "@/lib/jwt";
import { decryptSecret, jwtSecretContext } from "@/lib/secrets";
import { parseDuration } from "./parse-duration";

type ProjectRow = typeof projects.$inferSelect;

export type MintedProjectToken = { token: string; expiresAt: Date; role: string };

/**
 * Signs a project JWT (HS256, the project's own secret) the way an app's auth server would. The caller has
 * already decided the actor may do this; this verb only enforces what the project itself allows.
 */
export async function mintProjectToken({
  ctx,
  project,
  input,
}: {
  ctx: Pick<Ctx, "config">;
  project: Pick<ProjectRow, "tenantId" | "slug" | "allowedRoles" | "jwtSecretEncrypted">;
  input: { role: string; sub?: string; expiresIn: string };
}): Promise<MintedProjectToken> {
  if (!project.allowedRoles.includes(input.role)) {
    throw new FluxError(
      "bad_request",
      `Role "${input.role}" is not allowed by project '${project.slug}'; use one of: ${project.allowedRoles.join(", ")}.`,
    );
  }
  const expiresInSeconds = parseDuration(input.expiresIn);
  const secret = decryptSecret(
    project.jwtSecretEncrypted,
    ctx.config.FLUX_MASTER_KEY,
    jwtSecretContext(project.tenantId),
  );
  const { token, expiresAt } = await signProjectToken({ secret, role: input.role, sub: input.sub, expiresInSeconds });
  return { token, expiresAt, role: input.role };
}

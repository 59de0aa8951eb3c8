import { eq } from "drizzle-orm";
import { advisorDismissals } from "@/drizzle/schema";
import type { Ctx } from "@/lib/context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { requireActive } from "@/lib/projects/require-member-role";
import { tenantIdentifiers } from "@/lib/tenancy";
import { runLints } from "./run-lints";
import type { AdvisorFinding } from "./types";

export type ProjectAdvisorFinding = AdvisorFinding & { dismissed: boolean };

/** The project's advisor findings (members and staff), each marked dismissed or not; most severe first. */
export async function listProjectAdvisors({ ctx, slug }: { ctx: Ctx; slug: string }): Promise<ProjectAdvisorFinding[]> {
  const access = await getProjectForActorOrThrow(ctx, slug);
  requireActive(access);
  const ids = tenantIdentifiers(access.project.tenantId);
  const findings = await runLints(ctx.config.tenantDatabaseUrl, {
    schema: ids.schema,
    role: ids.role,
    ownerRole: ids.ownerRole,
  });
  const dismissed = new Set(
    (
      await ctx.db
        .select({ key: advisorDismissals.key })
        .from(advisorDismissals)
        .where(eq(advisorDismissals.tenantId, access.project.tenantId))
    ).map((row) => row.key),
  );
  return findings.map((finding) => ({ ...finding, dismissed: dismissed.has(finding.key) }));
}

const RANK = { info: 0, warn: 1, error: 2 } as const;

/** Whether any finding that is not dismissed reaches the threshold (`flux advisors --fail-on`). */
export function meetsThreshold(
  findings: Array<Pick<ProjectAdvisorFinding, "level" | "dismissed">>,
  threshold: "warn" | "error",
): boolean {
  return findings.some((finding) => !finding.dismissed && RANK[finding.level] >= RANK[threshold]);
}

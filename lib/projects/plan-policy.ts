import { FluxError } from "@/lib/api/errors";
import type { Actor } from "@/lib/context";
import type { ProjectRow } from "./types";

type Plan = ProjectRow["plan"];

/** Plans in the order their limits grow (timeouts, connections, rate limit, backup retention). */
const PLAN_RANK: Record<Plan, number> = { free: 0, pro: 1, enterprise: 2 };

export const raisesLimits = (from: Plan | null, to: Plan): boolean => PLAN_RANK[to] > PLAN_RANK[from ?? "free"];

/**
 * A higher plan gives a tenant more of the shared cluster (longer statements, more connections), so only a
 * platform admin may grant one, at creation or later; an owner may move down. `from` is null at creation.
 */
export function requirePlanAllowed(actor: Actor, slug: string, from: Plan | null, to: Plan): void {
  if (!raisesLimits(from, to) || actor.platformRole === "admin") return;
  const action = from
    ? `move '${slug}' from ${from} to ${to}`
    : `create '${slug}' on the ${to} plan (create it on free, then ask for ${to})`;
  throw new FluxError(
    "forbidden",
    `Only a platform admin may ${action}: a higher plan raises the project's limits on the shared cluster. ` +
      `Ask a platform admin to run \`flux projects plan ${slug} --to ${to}\`. Owners may move a project to a lower plan.`,
  );
}

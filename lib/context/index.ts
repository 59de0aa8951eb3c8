import type { FluxConfig } from "@/lib/config";
import type { Executor } from "@/lib/db";
import type { ProjectMode, TenantEngine } from "@/lib/engines/types";

export type PlatformRole = "admin" | "support" | "user";

/** Who is asking: a signed-in dashboard user or a personal-access-token holder. */
export type Actor = { userId: string; platformRole: PlatformRole };

/** Picks the engine for a project mode; tests pass their own to exercise failure paths. */
export type EngineResolver = (mode: ProjectMode) => TenantEngine;

/**
 * Everything a domain verb needs, passed in rather than reached for: the database (or an open transaction),
 * the parsed config, the actor and the request id that ties logs and audit rows together.
 */
export type Ctx = {
  db: Executor;
  config: FluxConfig;
  actor: Actor | null;
  requestId: string;
  engines?: EngineResolver;
};

/** Platform staff who may see every project (read-only unless also a member). */
export const isPlatformStaff = (actor: Actor | null): boolean =>
  actor?.platformRole === "admin" || actor?.platformRole === "support";

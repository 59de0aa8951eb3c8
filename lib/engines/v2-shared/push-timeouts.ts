import type pg from "pg";
import { quoteLiteral } from "@/lib/engines/sql";
import type { ProjectPlan } from "@/lib/engines/types";
import type { PushLimits } from "./guardrails";

/**
 * Sets the plan's push timeouts on an owner connection, whatever the role's defaults say now: the owner may
 * have changed its own defaults (`ALTER ROLE CURRENT_USER SET statement_timeout = 0`) in an earlier push.
 */
export async function applyPushTimeouts(client: pg.Client, limits: PushLimits): Promise<void> {
  await client.query(
    `set statement_timeout = ${quoteLiteral(limits.statementTimeout)};
     set lock_timeout = ${quoteLiteral(limits.lockTimeout)};
     set idle_in_transaction_session_timeout = ${quoteLiteral(limits.idleInTransactionTimeout)}`,
  );
}

const RAISE = "a platform admin can move the project to a plan with a longer limit";

/** The sentence that names the push limit a PostgreSQL error came from and what to do, or null. */
export function explainPushLimit(
  error: { code?: string; message: string },
  plan: ProjectPlan,
  limits: PushLimits,
): string | null {
  if (error.code === "57014" && /statement timeout/.test(error.message)) {
    return `A push statement may run at most ${limits.statementTimeout} on the ${plan} plan (statement_timeout). Make it cheaper or split the work (e.g. update a large table in batches across several files); ${RAISE}.`;
  }
  if (error.code === "55P03" && /lock timeout/.test(error.message)) {
    return `A push waits at most ${limits.lockTimeout} for a lock on the ${plan} plan (lock_timeout): another session (a long data API request, or a client logged in as the owner) holds a lock on what this file changes. Push again when it has ended; ${RAISE}.`;
  }
  if (error.code === "25P03") {
    return `The push's transaction sat idle longer than the ${plan} plan's ${limits.idleInTransactionTimeout} (idle_in_transaction_session_timeout); push again.`;
  }
  return null;
}

/** The push ran past its wall-clock deadline and Flux ended its backend from outside. */
export function pushDeadlineMessage(plan: ProjectPlan, limits: PushLimits): string {
  return `The push ran longer than the ${plan} plan's push deadline (${limits.deadlineSeconds} s in all) and Flux ended it; the file that was running was rolled back. Split long migrations across several pushes; ${RAISE}.`;
}

import type { BridgePlan } from "@/lib/jwt";
import { guardrailsFor } from "@/lib/engines/v2-shared/guardrails";

const UNITS: Record<string, number> = { ms: 1, s: 1_000, min: 60_000 };

/** The largest plan: what a bridge token without a plan (an older gateway) is held to. */
const FALLBACK_PLAN: BridgePlan = "enterprise";

/**
 * The plan's statement timeout in milliseconds. The preamble sets it transaction-locally on every request and
 * the request deadline is derived from it, so a tenant's `ALTER ROLE … SET statement_timeout` on its own role
 * (which PostgreSQL 15 allows any role) changes nothing.
 */
export function statementTimeoutMsFor(plan: BridgePlan | undefined): number {
  const setting = guardrailsFor(plan ?? FALLBACK_PLAN).statementTimeout;
  const match = /^(\d+)\s*(ms|s|min)$/.exec(setting);
  const unit = match?.[2] ? UNITS[match[2]] : undefined;
  if (!match?.[1] || unit === undefined)
    throw new Error(`Unreadable plan statement timeout "${setting}": expected e.g. 5s or 500ms`);
  return Number(match[1]) * unit;
}

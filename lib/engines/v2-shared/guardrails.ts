import type { ProjectPlan } from "@/lib/engines/types";

export type Guardrails = { statementTimeout: string; connectionLimit: number };

/**
 * Per-plan limits of the API role (architecture document, guardrails). They live on the role itself
 * (`ALTER ROLE … SET statement_timeout`, `CONNECTION LIMIT`) so they act at login, whoever connects.
 */
const API_ROLE_GUARDRAILS: Record<ProjectPlan, Guardrails> = {
  free: { statementTimeout: "5s", connectionLimit: 5 },
  pro: { statementTimeout: "15s", connectionLimit: 20 },
  enterprise: { statementTimeout: "30s", connectionLimit: 50 },
};

/**
 * The owner role is used only by the migration runner: a push holds one connection, concurrent pushes
 * queue on an advisory lock, so a handful is plenty and keeps a runaway client from exhausting the cluster.
 */
export const OWNER_CONNECTION_LIMIT = 5;

export function guardrailsFor(plan: ProjectPlan): Guardrails {
  const guardrails = API_ROLE_GUARDRAILS[plan];
  if (!guardrails) throw new Error(`Unknown plan "${String(plan)}": expected free, pro or enterprise`);
  return guardrails;
}

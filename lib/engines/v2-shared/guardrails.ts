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
 * Limits of a push (`flux push`, restore, importSql), i.e. of the owner role. The three PostgreSQL timeouts are
 * the role's defaults and are set again by the runner on every push, because a role may `ALTER ROLE … SET` its
 * own defaults and a file may `SET` them; `deadlineSeconds` is the limit tenant SQL cannot lift: Flux ends the
 * push's backend from the outside once the whole push has run that long. `connectionLimit` is the owner role's
 * CONNECTION LIMIT: pushes of one project run one at a time, so it caps everything else that logs in as owner.
 */
export type PushLimits = {
  statementTimeout: string;
  lockTimeout: string;
  idleInTransactionTimeout: string;
  deadlineSeconds: number;
  connectionLimit: number;
};

const PUSH_LIMITS: Record<ProjectPlan, PushLimits> = {
  free: {
    statementTimeout: "30s",
    lockTimeout: "5s",
    idleInTransactionTimeout: "30s",
    deadlineSeconds: 300,
    connectionLimit: 3,
  },
  pro: {
    statementTimeout: "120s",
    lockTimeout: "15s",
    idleInTransactionTimeout: "60s",
    deadlineSeconds: 900,
    connectionLimit: 5,
  },
  enterprise: {
    statementTimeout: "600s",
    lockTimeout: "30s",
    idleInTransactionTimeout: "120s",
    deadlineSeconds: 3600,
    connectionLimit: 10,
  },
};

export function guardrailsFor(plan: ProjectPlan): Guardrails {
  const guardrails = API_ROLE_GUARDRAILS[plan];
  if (!guardrails) throw new Error(`Unknown plan "${String(plan)}": expected free, pro or enterprise`);
  return guardrails;
}

export function pushLimitsFor(plan: ProjectPlan): PushLimits {
  const limits = PUSH_LIMITS[plan];
  if (!limits) throw new Error(`Unknown plan "${String(plan)}": expected free, pro or enterprise`);
  return limits;
}

/** The owner role's settings at login (ALTER ROLE … SET); the runner sets the same values again per push. */
export function ownerRoleSettings(schema: string, limits: PushLimits): Record<string, string> {
  return {
    search_path: schema,
    statement_timeout: limits.statementTimeout,
    lock_timeout: limits.lockTimeout,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeout,
  };
}

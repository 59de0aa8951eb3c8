/**
 * Requests per minute per plan, when the project sets no limit of its own. Enterprise gets 1000: enterprise
 * projects are normally v1_dedicated (not behind the shared gateway's budget); a pooled one gets 10× pro.
 */
export const PLAN_RATE_LIMITS_PER_MINUTE = { free: 20, pro: 100, enterprise: 1000 } as const;

/** Bounds of a project's own limit (`flux projects limits --requests-per-minute`). */
export const MAX_REQUESTS_PER_MINUTE = 1_000_000;

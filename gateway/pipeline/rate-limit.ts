// Step 4 — count the request against its tenant's per-minute budget; refuse with 429 once it is spent.
import type { ServerResponse } from "node:http";
import { PLAN_RATE_LIMITS_PER_MINUTE } from "@/lib/projects/plan-rate-limits";
import type { ResolvedProject } from "../directory/types";
import { GatewayError } from "../errors";
import type { RateLimiter, RateLimitResult } from "../ratelimit/interface";

/** The project's own limit wins over its plan's; the multiplier (FLUX_RATE_LIMIT_MULTIPLIER) scales both. */
export function limitPerMinute(
  project: Pick<ResolvedProject, "plan" | "rateLimitPerMinute">,
  multiplier: number,
): number {
  const base = project.rateLimitPerMinute ?? PLAN_RATE_LIMITS_PER_MINUTE[project.plan];
  return Math.max(1, Math.round(base * multiplier));
}

/**
 * Sets RateLimit-* on every answer so clients can pace themselves. A limiter failure lets the request through
 * (fail-open: availability over enforcement, as the architecture document decides).
 */
export async function enforceRateLimit(
  res: ServerResponse,
  project: ResolvedProject,
  limiter: RateLimiter,
  multiplier: number,
  onLimiterError: (error: unknown) => void = () => {},
): Promise<void> {
  const limit = limitPerMinute(project, multiplier);
  let result: RateLimitResult;
  try {
    result = await limiter.hit(project.tenantId, limit);
  } catch (error) {
    onLimiterError(error);
    return;
  }
  // Counting failed and the request goes through: headers would claim a budget nobody counted.
  if (result.failedOpen) return;
  const headers = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
  };
  if (!result.allowed) {
    throw new GatewayError({
      status: 429,
      code: "FLUX-GW-RATE-LIMITED",
      message: `This project's limit of ${limit} requests per minute is used up`,
      hint: `Retry after ${result.resetSeconds} s, or raise the project's plan or rate limit`,
      headers: { ...headers, "Retry-After": String(result.resetSeconds) },
    });
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

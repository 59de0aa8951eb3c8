import { limitPerMinute } from "@/gateway/pipeline/rate-limit";
import { rateKey } from "@/gateway/ratelimit/redis";
import type { CheckOutcome, DiagnosisContext } from "./types";

/** Reads the current fixed window's counter where the gateway's limiter keeps it (Redis); counts nothing. */
export async function checkRateLimit(ctx: DiagnosisContext): Promise<CheckOutcome> {
  const limit = limitPerMinute(ctx.project, ctx.gateway.rateLimitMultiplier);
  if (!ctx.redis) {
    return {
      evidence: [
        `rate_limit: limit ${limit}/min; without REDIS_URL each gateway counts in its own memory, which the control plane cannot read`,
      ],
    };
  }
  const now = ctx.now();
  const windowStart = now - (now % 60_000);
  let used: number;
  try {
    used = Number((await ctx.redis.get(rateKey(ctx.project.tenantId, windowStart))) ?? 0);
  } catch (error) {
    return {
      evidence: [
        `rate_limit: could not read the window from Redis (${error instanceof Error ? error.message : String(error)}); the gateway fails open then`,
      ],
    };
  }
  const resetSeconds = Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000));
  const state = `rate_limit: ${used} of ${limit} requests used in the current minute (resets in ${resetSeconds} s)`;
  if (used < limit) return { evidence: [state] };
  return {
    evidence: [],
    refusal: {
      code: "FLUX-GW-RATE-LIMITED",
      evidence: [state],
      fix: [
        `Wait ${resetSeconds} s (Retry-After), or raise the limit:`,
        `flux projects limits ${ctx.project.slug} --requests-per-minute ${limit * 2}`,
      ],
    },
  };
}

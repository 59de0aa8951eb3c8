import { FluxError } from "@/lib/api/errors";
import { MAX_TOKEN_LIFETIME_SECONDS } from "@/lib/tokens/parse-duration";

/**
 * Default grace after a rotation: the longest lifetime `flux token create` can give a token (30 days) plus
 * 15 minutes of clock skew and caching, so no token Flux minted before the rotation is refused early.
 */
export const DEFAULT_GRACE_SECONDS = MAX_TOKEN_LIFETIME_SECONDS + 15 * 60;

/** Longest grace accepted: apps with their own auth server may mint longer-lived tokens than Flux does. */
export const MAX_GRACE_SECONDS = 90 * 86_400;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "30m" | "2h" | "7d" | "0s" (no grace: the old secret is refused at once) → seconds; undefined → the default. */
export function parseGrace(input: string | undefined): number {
  if (input === undefined) return DEFAULT_GRACE_SECONDS;
  const match = /^(\d{1,7})([smhd])$/.exec(input.trim());
  const amount = match?.[1];
  const unit = match?.[2] as keyof typeof UNIT_SECONDS | undefined;
  if (!amount || !unit) {
    throw new FluxError(
      "bad_request",
      `grace "${input}" is not a duration; use a whole number followed by s, m, h or d, e.g. "30m" or "0s".`,
    );
  }
  const seconds = Number(amount) * UNIT_SECONDS[unit];
  if (seconds > MAX_GRACE_SECONDS) {
    throw new FluxError("bad_request", `grace "${input}" is too long; the maximum is ${MAX_GRACE_SECONDS / 86_400}d.`);
  }
  return seconds;
}

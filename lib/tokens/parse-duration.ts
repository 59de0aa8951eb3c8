import { FluxError } from "@/lib/api/errors";

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 86_400;

/**
 * "15s" | "30m" | "1h" | "7d" → seconds. Project tokens are bearer credentials, so lifetimes are capped at
 * 30 days; anything longer should be minted by the app's own auth server.
 */
export function parseDuration(input: string, max = MAX_TOKEN_LIFETIME_SECONDS): number {
  const match = /^(\d{1,7})([smhd])$/.exec(input.trim());
  const amount = match?.[1];
  const unit = match?.[2] as keyof typeof UNIT_SECONDS | undefined;
  if (!amount || !unit) {
    throw new FluxError(
      "bad_request",
      `expiresIn "${input}" is not a duration; use a whole number followed by s, m, h or d, e.g. "15s", "30m", "1h", "7d".`,
    );
  }
  const seconds = Number(amount) * UNIT_SECONDS[unit];
  if (seconds <= 0) throw new FluxError("bad_request", `expiresIn "${input}" must be longer than zero.`);
  if (seconds > max) {
    throw new FluxError("bad_request", `expiresIn "${input}" is too long; the maximum is ${max / 86_400}d.`);
  }
  return seconds;
}

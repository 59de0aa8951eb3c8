import type { Preferences } from "@/rest/parse/parse-prefer";

/** Which preferences a verb reports as applied (PostgREST's Response.hs passes a different subset per verb). */
export type AppliedSet = Partial<
  Record<"resolution" | "missing" | "return" | "count" | "tx" | "handling" | "maxAffected", boolean>
>;

/**
 * `Preference-Applied`, in PostgREST's order (resolution, missing, return, count, tx, handling, max-affected), naming only
 * preferences the client sent and the verb honoured. Null when there is nothing to report.
 */
export function preferenceApplied(preferences: Preferences, applied: AppliedSet): Record<string, string> {
  const values = [
    applied.resolution && preferences.resolution ? `resolution=${preferences.resolution}` : null,
    applied.missing && preferences.missing ? `missing=${preferences.missing}` : null,
    applied.return && preferences.return ? `return=${preferences.return}` : null,
    applied.count && preferences.count ? `count=${preferences.count}` : null,
    applied.tx && preferences.tx ? `tx=${preferences.tx}` : null,
    applied.handling && preferences.handling ? `handling=${preferences.handling}` : null,
    // PostgREST reports max-affected only when handling=strict made it binding.
    applied.maxAffected && preferences.handling === "strict" && preferences.maxAffected !== null
      ? `max-affected=${preferences.maxAffected}`
      : null,
  ].filter((value): value is string => value !== null);
  return values.length > 0 ? { "Preference-Applied": values.join(", ") } : {};
}

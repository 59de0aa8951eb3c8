import { RestError } from "@/rest/respond/rest-error";
import type { ReturnPreference } from "./ast";

/**
 * Every preference of the `Prefer` header(s) (RFC 7240), as PostgREST 12 reads them: comma-separated, spaces
 * ignored, the first occurrence of each preference wins, anything else lands in `invalid` (ignored unless
 * `handling=strict`). To add one, add a field and its accepted values to PREFERENCES.
 */
export type Preferences = {
  resolution: "merge-duplicates" | "ignore-duplicates" | null;
  return: ReturnPreference | null;
  count: "exact" | "planned" | "estimated" | null;
  tx: "commit" | "rollback" | null;
  missing: "default" | "null" | null;
  handling: "strict" | "lenient" | null;
  params: "single-object" | null;
  /** PostgREST 13: with handling=strict, PATCH/DELETE touching more rows roll back with 400 PGRST124. */
  maxAffected: number | null;
  /** The raw text of every preference not recognised above. */
  invalid: string[];
};

type Enumerated = Exclude<keyof Preferences, "maxAffected" | "invalid">;

const PREFERENCES: { [K in Enumerated]: { key: string; values: ReadonlyArray<NonNullable<Preferences[K]>> } } = {
  resolution: { key: "resolution", values: ["merge-duplicates", "ignore-duplicates"] },
  return: { key: "return", values: ["representation", "minimal", "headers-only"] },
  count: { key: "count", values: ["exact", "planned", "estimated"] },
  tx: { key: "tx", values: ["commit", "rollback"] },
  missing: { key: "missing", values: ["default", "null"] },
  handling: { key: "handling", values: ["strict", "lenient"] },
  params: { key: "params", values: ["single-object"] },
};

export function parsePreferences(header: string | string[] | undefined): Preferences {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  const parts = joined
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const result: Preferences = {
    resolution: null,
    return: null,
    count: null,
    tx: null,
    missing: null,
    handling: null,
    params: null,
    maxAffected: null,
    invalid: [],
  };
  const assign = result as Record<Enumerated, string | null>;
  for (const part of parts) {
    const equals = part.indexOf("=");
    const key = equals === -1 ? part : part.slice(0, equals);
    const value = equals === -1 ? "" : part.slice(equals + 1);
    const known = (Object.keys(PREFERENCES) as Enumerated[]).find((field) => PREFERENCES[field].key === key);
    if (known && (PREFERENCES[known].values as readonly string[]).includes(value)) {
      assign[known] ??= value;
    } else if (key === "max-affected" && /^[0-9]{1,15}$/.test(value)) {
      result.maxAffected ??= Number(value);
    } else {
      result.invalid.push(part);
    }
  }
  return result;
}

/** `Prefer: handling=strict` turns unrecognised preferences into 400 PGRST122 instead of ignoring them. */
export function assertPreferencesAccepted(preferences: Preferences): void {
  if (preferences.handling !== "strict" || preferences.invalid.length === 0) return;
  throw new RestError(400, {
    code: "PGRST122",
    message: "Invalid preferences given with handling=strict",
    details: `Invalid preferences: ${preferences.invalid.join(", ")}`,
  });
}

/** The `return=` preference alone, minimal when absent (kept for callers that need nothing else). */
export function parseReturnPreference(header: string | string[] | undefined): ReturnPreference {
  return parsePreferences(header).return ?? "minimal";
}

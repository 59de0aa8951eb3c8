import type { CountPreference, ReturnPreference } from "./ast";

/** `Prefer` may arrive as several headers or one comma-separated list; each preference is `key=value`. */
function preferences(header: string | string[] | undefined): Array<[string, string]> {
  const values = Array.isArray(header) ? header.join(",") : (header ?? "");
  return values.split(",").map((part) => {
    const [key, value] = part.trim().split("=");
    return [key?.trim() ?? "", value?.trim() ?? ""];
  });
}

/**
 * The `return=` preference of a `Prefer` header (`Prefer: return=representation, count=exact`). Unknown or
 * unsupported preferences are ignored, as PostgREST does by default (lenient handling).
 */
export function parseReturnPreference(header: string | string[] | undefined): ReturnPreference {
  let result: ReturnPreference = "minimal";
  for (const [key, wanted] of preferences(header)) {
    if (key !== "return") continue;
    if (wanted === "representation" || wanted === "minimal" || wanted === "headers-only") result = wanted;
  }
  return result;
}

/** `count=exact|planned|estimated`, or null when no (valid) count was asked for. */
export function parseCountPreference(header: string | string[] | undefined): CountPreference | null {
  let result: CountPreference | null = null;
  for (const [key, wanted] of preferences(header)) {
    if (key === "count" && (wanted === "exact" || wanted === "planned" || wanted === "estimated")) result = wanted;
  }
  return result;
}

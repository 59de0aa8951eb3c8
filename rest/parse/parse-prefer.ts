import type { ReturnPreference } from "./ast";

/**
 * The `return=` preference of a `Prefer` header (`Prefer: return=representation, count=exact`). Unknown or
 * unsupported preferences are ignored, as PostgREST does by default (lenient handling).
 */
export function parseReturnPreference(header: string | string[] | undefined): ReturnPreference {
  const values = Array.isArray(header) ? header.join(",") : (header ?? "");
  let result: ReturnPreference = "minimal";
  for (const part of values.split(",")) {
    const [key, value] = part.trim().split("=");
    if (key?.trim() !== "return") continue;
    const wanted = value?.trim();
    if (wanted === "representation" || wanted === "minimal" || wanted === "headers-only") result = wanted;
  }
  return result;
}

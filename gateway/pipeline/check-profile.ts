// Step 3b — a client-sent schema profile naming any schema but the tenant's is refused, as PostgREST refuses one.
import type { IncomingMessage } from "node:http";
import { GatewayError } from "../errors";

/** PostgREST reads Content-Profile for these methods and Accept-Profile for every other one (GET, HEAD, OPTIONS). */
const CONTENT_PROFILE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/**
 * The tenant's schema is the only one its Service URL exposes, so a profile naming another is answered exactly as
 * PostgREST answers an unexposed schema (406 PGRST106, PostgREST 12/13 wording) instead of being silently
 * rewritten. Whatever passes here is still overwritten upstream (proxy-headers.ts): the header never selects the
 * schema. Every instance of a repeated header must name the tenant's schema (PostgREST would read only the first;
 * a repeat is ambiguous and refused). The header PostgREST ignores for this method is not checked, only replaced.
 */
export function checkProfile(req: IncomingMessage, schema: string): void {
  const header = CONTENT_PROFILE_METHODS.has(req.method ?? "") ? "content-profile" : "accept-profile";
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const value = req.rawHeaders[i + 1];
    if (req.rawHeaders[i]?.toLowerCase() !== header || value === undefined || value.trim() === schema) continue;
    throw new GatewayError({
      status: 406,
      code: "PGRST106",
      message: `Invalid schema: ${value.trim().slice(0, 256)}`,
      hint: `Only the following schemas are exposed: ${schema}`,
    });
  }
}

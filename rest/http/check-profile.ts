import type { IncomingMessage } from "node:http";
import { RestError } from "@/rest/respond/rest-error";

/**
 * Accept-Profile (GET/HEAD) / Content-Profile (other methods) may only name the schema the bridge token
 * implies: it is the only schema this tenant exposes, so any other name is refused exactly as PostgREST
 * refuses an unexposed schema (406 PGRST106, 13's wording), never followed. The schema always comes from
 * the verified token, so a header can narrow nothing and widen nothing.
 */
export function checkProfile(req: IncomingMessage, schema: string): void {
  const header = req.method === "GET" || req.method === "HEAD" ? "accept-profile" : "content-profile";
  const raw = req.headers[header];
  if (raw === undefined) return;
  const value = (Array.isArray(raw) ? raw.join(",") : raw).trim();
  if (value === schema) return;
  throw new RestError(406, {
    code: "PGRST106",
    message: `Invalid schema: ${value}`,
    hint: `Only the following schemas are exposed: ${schema}`,
  });
}

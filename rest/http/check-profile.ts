import type { IncomingMessage } from "node:http";
import { RestError } from "@/rest/respond/rest-error";

/**
 * Accept-Profile (reads) / Content-Profile (writes) may only name the schema the role already implies. The
 * gateway forces them to the tenant schema; a different value is refused, never followed.
 */
export function checkProfile(req: IncomingMessage, schema: string): void {
  const header = req.method === "GET" || req.method === "HEAD" ? "accept-profile" : "content-profile";
  const value = req.headers[header];
  if (value === undefined || value === schema) return;
  throw new RestError(406, { code: "PGRST106", message: `The schema must be one of the following: ${schema}` });
}

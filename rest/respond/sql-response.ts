import type { SqlResponseSettings } from "@/rest/execute/run-request-transaction";
import { RestError } from "./rest-error";
import type { JsonReply } from "./send";

/** Headers SQL may not set: they describe the body and connection, which only the server knows. */
const RESERVED = new Set(["content-length", "transfer-encoding", "connection"]);

/**
 * Applies what SQL set in `response.status` and `response.headers` (a JSON array of one-key objects, as in
 * PostgREST) to the reply; a malformed value is the function author's bug, answered 500 PGRST111/PGRST112.
 */
export function applySqlResponse(reply: JsonReply, settings: SqlResponseSettings): JsonReply {
  const headers = { ...reply.headers, ...parseHeaders(settings.headers) };
  const status = settings.status === null ? reply.status : parseStatus(settings.status);
  return { ...reply, status, headers };
}

function parseStatus(raw: string): number {
  const status = Number(raw);
  if (!/^\s*[0-9]{3}\s*$/.test(raw) || status < 100 || status > 599) {
    throw new RestError(500, { code: "PGRST112", message: "response.status guc must be a valid status code" });
  }
  return status;
}

function parseHeaders(raw: string | null): Record<string, string> {
  if (raw === null) return {};
  const invalid = () =>
    new RestError(500, {
      code: "PGRST111",
      message: "response.headers guc must be a JSON array composed of objects with a single key and a string value",
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed)) throw invalid();
  const headers: Record<string, string> = {};
  for (const item of parsed) {
    const entries = typeof item === "object" && item !== null && !Array.isArray(item) ? Object.entries(item) : [];
    const [entry] = entries;
    if (entries.length !== 1 || !entry || typeof entry[1] !== "string") throw invalid();
    const [name, value] = entry;
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(value)) throw invalid();
    if (!RESERVED.has(name.toLowerCase())) headers[name] = value;
  }
  return headers;
}

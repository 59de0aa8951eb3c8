import type { IncomingMessage } from "node:http";
import { RestError } from "@/rest/respond/rest-error";
import { parseCsv } from "./parse-csv";

const tooLarge = (limit: number) =>
  new RestError(413, {
    code: "PGRST413",
    message: `The request body is larger than ${limit} bytes`,
    hint: "Send fewer rows per request, or raise FLUX_BODY_LIMIT_BYTES",
  });

/** PostgREST's message for a body that is not JSON (no parser detail: it would echo the body back). */
export const invalidJson = () => new RestError(400, { code: "PGRST102", message: "Empty or invalid json" });

/** Reads the raw body, refusing more than `limit` bytes before buffering them. */
async function readText(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and parses a JSON body. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return parseJson(await readText(req, limit));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidJson();
  }
}

/**
 * A write's payload: `value` to validate its shape and keys, `json` to bind. For JSON bodies `json` is the text
 * as sent, so numbers beyond double precision (bigint keys, exact numerics) reach PostgreSQL unrounded.
 */
export type Payload = { value: unknown; json: string };

const fromRows = (rows: unknown): Payload => ({ value: rows, json: JSON.stringify(rows) });

/**
 * A write's payload by its Content-Type, as PostgREST accepts them for tables: JSON (also when no type is
 * given), CSV (header line = columns) and HTML form encoding (one row). Anything else is 415 PGRST107.
 */
export async function readPayload(req: IncomingMessage, limit: number): Promise<Payload> {
  const mediaType = (req.headers["content-type"] ?? "application/json").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === "application/json" || mediaType === "" || mediaType === "*/*") {
    const text = await readText(req, limit);
    return { value: parseJson(text), json: text };
  }
  if (mediaType === "text/csv") return fromRows(parseCsv(await readText(req, limit)));
  if (mediaType === "application/x-www-form-urlencoded") {
    return fromRows(Object.fromEntries(new URLSearchParams(await readText(req, limit))));
  }
  throw new RestError(415, {
    code: "PGRST107",
    message: `Content-Type not acceptable: ${mediaType}`,
    hint: "Send application/json, text/csv or application/x-www-form-urlencoded",
  });
}

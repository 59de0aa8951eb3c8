import type { NextRequest } from "next/server";
import { FluxError } from "./errors";

/** The request body as JSON, refused when larger than the configured limit or not valid JSON. */
export async function readJsonBody(req: NextRequest, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > limitBytes) throw tooLarge(limitBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FluxError("bad_request", "The request body is not valid JSON; send a JSON object.");
  }
}

function tooLarge(limitBytes: number): FluxError {
  return new FluxError("bad_request", `The request body is larger than ${limitBytes} bytes (FLUX_BODY_LIMIT_BYTES).`);
}

import type { IncomingMessage } from "node:http";
import { RestError } from "@/rest/respond/rest-error";

const tooLarge = (limit: number) =>
  new RestError(413, {
    code: "PGRST413",
    message: `The request body is larger than ${limit} bytes`,
    hint: "Send fewer rows per request, or raise FLUX_BODY_LIMIT_BYTES",
  });

/** Reads and parses a JSON body, refusing more than `limit` bytes before buffering them. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
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
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RestError(400, { code: "PGRST102", message: "Empty or invalid json", details: reason });
  }
}

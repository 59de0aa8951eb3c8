// Part of step 6 — relay the request body to rest while counting it and watching it for stalls.
import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import { GatewayError } from "../errors";
import { bodyTooLarge } from "./request-limits";

export type BodyLimits = { maxBodyBytes: number; idleTimeoutMs: number };

/**
 * The body as it streams, failing with 413 past the byte limit (chunked bodies declare no length) and with 408
 * when the client stops sending mid-body — so a slow client cannot hold a socket and an upstream request open.
 */
export function limitedBody(req: IncomingMessage, limits: BodyLimits): Transform {
  let received = 0;
  let idle: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    clearTimeout(idle);
    idle = setTimeout(() => counted.destroy(bodyStalled(limits.idleTimeoutMs)), limits.idleTimeoutMs);
  };
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > limits.maxBodyBytes) return callback(bodyTooLarge(limits.maxBodyBytes));
      armIdleTimer();
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(idle);
      callback();
    },
  });
  counted.on("close", () => clearTimeout(idle));
  if (!req.readableEnded) armIdleTimer();
  req.on("error", (error) => counted.destroy(error));
  return req.pipe(counted);
}

function bodyStalled(idleTimeoutMs: number): GatewayError {
  return new GatewayError({
    status: 408,
    code: "FLUX-GW-BODY-TIMEOUT",
    message: `The request body stalled for more than ${idleTimeoutMs} ms`,
    hint: "Send the body without pauses, or check the client's network",
    headers: { Connection: "close" },
  });
}

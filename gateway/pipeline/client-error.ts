// Before step 1 — answer requests node's HTTP parser refuses (smuggling attempts, slow heads) in our JSON shape.
import type { Duplex } from "node:stream";
import { guideLink } from "@/lib/troubleshoot/catalogue";

type ParserError = Error & { code?: string };

/**
 * node's parser (llhttp, strict) already refuses Transfer-Encoding with Content-Length, conflicting
 * Content-Lengths, obs-fold and bad header bytes; it calls this instead of the request handler. The socket is
 * always closed: after a framing error the stream position is unknowable.
 */
export function answerClientError(error: ParserError, socket: Duplex, guideUrl?: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "Request Timeout", "FLUX-GW-REQUEST-TIMEOUT", "The request head or body was not received in time"]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request Header Fields Too Large", "FLUX-GW-HEADERS-TOO-LARGE", "The request headers are too large"]
        : [
            400,
            "Bad Request",
            "FLUX-GW-BAD-REQUEST",
            "The request is not valid HTTP/1.1 (framing, header syntax or encoding)",
          ];
  const link = guideUrl ? guideLink(guideUrl, code) : null;
  const body = JSON.stringify({
    code,
    message,
    details: null,
    hint: "Send one well-formed HTTP/1.1 request per message",
    ...(link ? { link } : {}),
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

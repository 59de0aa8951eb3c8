import { timingSafeEqual, createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Constant-time comparison of `Authorization: Bearer <token>` with FLUX_GATEWAY_INTERNAL_TOKEN. */
export function carriesInternalToken(req: IncomingMessage, internalToken: string | undefined): boolean {
  if (!internalToken) return false;
  const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  // Hashing first gives both sides the same length, which timingSafeEqual requires.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(internalToken));
}

export function isLoopbackPeer(req: IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? "";
  return peer === "::1" || peer.startsWith("127.") || peer.startsWith("::ffff:127.");
}

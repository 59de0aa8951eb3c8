import { randomBytes } from "node:crypto";

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-ID when it is a sane token (it ends up in logs), else a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && ACCEPTABLE.test(given) ? given : `req_${randomBytes(12).toString("base64url")}`;
}

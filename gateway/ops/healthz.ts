import type { ServerResponse } from "node:http";
import { sendJson } from "../errors";

/** Liveness: the process answers HTTP. Nothing else is checked, so a database outage never restarts gateways. */
export function sendHealthz(res: ServerResponse): void {
  sendJson(res, 200, { status: "ok" });
}

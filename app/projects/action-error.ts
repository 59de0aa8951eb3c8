import { isFluxError } from "@/lib/api/errors";

/** What a dashboard form shows for a failed verb: the verb's own message for 4xx, a request id for the rest. */
export function actionErrorMessage(err: unknown, requestId: string, doing: string): string {
  if (isFluxError(err) && err.status < 500) return err.message;
  console.error(JSON.stringify({ level: "error", msg: `${doing} failed`, requestId, err: String(err) }));
  return `${doing} failed; quote request id ${requestId} when you report it.`;
}

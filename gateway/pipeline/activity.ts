// Step 7 — note that the tenant was active, fire-and-forget: a failing recorder never delays or fails a request.
import type { ActivityRecorder } from "../activity/interface";

export function recordActivity(
  recorder: ActivityRecorder,
  tenantId: string,
  onError: (error: unknown) => void = () => {},
): void {
  try {
    recorder.record(tenantId).catch(onError);
  } catch (error) {
    onError(error);
  }
}

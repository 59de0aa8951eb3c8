/**
 * Best-effort "this tenant was active" signal for the idle reaper. Lossy by design: the Redis implementation
 * adds each second's counts to activity:{tenant_id} with a 60 s TTL; losing a window of counts costs nothing durable.
 */
export interface ActivityRecorder {
  record(tenantId: string): Promise<void>;
}

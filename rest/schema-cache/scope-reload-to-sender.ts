import type { ReloadRequest } from "./reload-payload";

const TENANT_LOGIN = /^t_([0-9a-f]{12})_(role|owner)$/;

/**
 * Any role may `NOTIFY pgrst`, so a tenant's function could otherwise make rest drop every tenant's cache in a
 * loop. A notification sent by a tenant's own login (API or owner role) reloads at most that tenant's schema;
 * one naming another schema is ignored. Operators' and unknown senders' (already disconnected, as the migration
 * runner usually is) notifications keep their meaning, so no legitimate reload is lost.
 */
export function scopeReloadToSender(request: ReloadRequest, senderRole: string | null): ReloadRequest {
  const match = senderRole === null ? null : TENANT_LOGIN.exec(senderRole);
  if (!match?.[1] || request.kind === "ignore") return request;
  const own = `t_${match[1]}_api`;
  if (request.kind === "all") return { kind: "schema", schema: own };
  return request.schema === own ? request : { kind: "ignore" };
}

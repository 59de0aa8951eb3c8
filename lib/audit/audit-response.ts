import { z } from "zod";

export const AuditEntryResponse = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string(),
  tenantId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export type AuditEntryResponse = z.output<typeof AuditEntryResponse>;

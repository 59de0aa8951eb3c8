import { z } from "zod";
import type { DomainResponse } from "@/lib/domains/to-domain-response";
import type { EndGraceResult } from "@/lib/project-keys/end-secret-grace";
import type { KeyResponse } from "@/lib/project-keys/key-state";
import type { RevealedSecret } from "@/lib/project-keys/reveal-project-secret";
import type { RotationResult } from "@/lib/project-keys/rotate-project-secret";
import type { ProjectResponse } from "@/lib/projects/to-project-response";

/**
 * zod descriptions of answers whose mappers are typed in TypeScript (to-project-response.ts, key-state.ts, …),
 * for the OpenAPI document. `Same<>` below breaks the build when a mapper's type and its schema drift apart.
 */
export const ProjectResponseSchema = z.object({
  tenantId: z.string(),
  slug: z.string(),
  hash: z.string(),
  name: z.string(),
  mode: z.enum(["v1_dedicated", "v2_shared"]),
  plan: z.enum(["free", "pro", "enterprise"]),
  status: z.enum(["provisioning", "active", "suspended", "failed"]),
  serviceUrl: z.string(),
  schema: z.string(),
  role: z.string(),
  createdAt: z.string(),
});

export const KeyResponseSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  state: z.enum(["current", "previous", "revoked"]),
  activatedAt: z.string(),
  retiredAt: z.string().nullable(),
  acceptedUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const KeyListSchema = z.object({ slug: z.string(), data: z.array(KeyResponseSchema) });
export const RevealedSecretSchema = z.object({ slug: z.string(), secret: z.string(), fingerprint: z.string() });
export const RotationResultSchema = z.object({
  slug: z.string(),
  current: KeyResponseSchema,
  previous: KeyResponseSchema,
  graceEndsAt: z.string(),
});
export const EndGraceResultSchema = z.object({ slug: z.string(), revoked: z.array(KeyResponseSchema) });

export const DomainResponseSchema = z.object({
  hostname: z.string(),
  displayName: z.string(),
  project: z.string(),
  status: z.enum(["pending", "verified"]),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  verification: z.object({ type: z.literal("TXT"), name: z.string(), value: z.string() }),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(value: T): T => value;
agree<Same<z.output<typeof ProjectResponseSchema>, ProjectResponse>>(true);
agree<Same<z.output<typeof KeyResponseSchema>, KeyResponse>>(true);
agree<Same<z.output<typeof RevealedSecretSchema>, RevealedSecret>>(true);
agree<Same<z.output<typeof RotationResultSchema>, RotationResult>>(true);
agree<Same<z.output<typeof EndGraceResultSchema>, EndGraceResult>>(true);
agree<Same<z.output<typeof DomainResponseSchema>, DomainResponse>>(true);

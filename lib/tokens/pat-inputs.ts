import { z } from "zod";

/** PATs may live up to a year; without expiresIn they do not expire (revoke them when done). */
export const MAX_PAT_LIFETIME_SECONDS = 365 * 86_400;

export const CreatePatInput = z.object({
  name: z
    .string('name is required, e.g. "ci deploys"')
    .trim()
    .min(1, 'name is required, e.g. "ci deploys"')
    .max(200, "name must be at most 200 characters"),
  expiresIn: z.string().trim().optional(),
});
export type CreatePatInput = z.input<typeof CreatePatInput>;

export const PatResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type PatResponse = z.output<typeof PatResponse>;

export const CreatedPatResponse = z.object({
  token: z.string(),
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  expiresAt: z.string().nullable(),
});

import { z } from "zod";

export const DismissAdvisorInput = z
  .object({
    key: z
      .string()
      .trim()
      .min(3)
      .max(600, "key: at most 600 characters")
      .regex(/^[a-z_]+:\S/, "key: an advisor key such as rls_enabled_no_policy:t_…_api.notes"),
  })
  .strict();
export type DismissAdvisorInput = z.infer<typeof DismissAdvisorInput>;

export const AdvisorFindingResponse = z.object({
  key: z.string(),
  lint: z.string(),
  level: z.enum(["info", "warn", "error"]),
  category: z.enum(["security", "performance"]),
  object: z.string(),
  message: z.string(),
  remediation: z.string(),
  dismissed: z.boolean(),
});

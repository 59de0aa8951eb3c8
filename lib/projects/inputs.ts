import { z } from "zod";
import { checkSlug } from "@/lib/tenancy";
import { MAX_REQUESTS_PER_MINUTE } from "./plan-rate-limits";

export const Slug = z
  .string()
  .trim()
  .superRefine((value, issue) => {
    const checked = checkSlug(value);
    if (!checked.ok) issue.addIssue({ code: "custom", message: checked.message });
  });

export const CreateProjectInput = z.object({
  slug: Slug,
  plan: z.enum(["free", "pro", "enterprise"], "plan must be one of: free, pro, enterprise"),
  mode: z.enum(["v2_shared", "v1_dedicated"], "mode must be v2_shared or v1_dedicated").default("v2_shared"),
  name: z.string().trim().min(1).max(200).optional(),
});
export type CreateProjectInput = z.input<typeof CreateProjectInput>;

/** Largest SQL file accepted in one push; bigger schemas should be split into several files. */
export const MAX_SQL_BYTES = 1_000_000;

export const PushProjectSqlInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "name is required (usually the SQL file name)")
    .max(200, "name must be at most 200 characters"),
  sql: z
    .string()
    .refine((sql) => sql.trim().length > 0, "sql must not be empty")
    .refine((sql) => Buffer.byteLength(sql, "utf8") <= MAX_SQL_BYTES, `sql must be at most ${MAX_SQL_BYTES} bytes; split the file`),
});
export type PushProjectSqlInput = z.input<typeof PushProjectSqlInput>;

export const ProjectTokenInput = z.object({
  role: z.string().trim().min(1, "role is required, e.g. anon or authenticated").max(63),
  sub: z.string().trim().min(1).max(255).optional(),
  expiresIn: z.string().trim().default("1h"),
});
export type ProjectTokenInput = z.input<typeof ProjectTokenInput>;

/** A project's own rate limit; null goes back to the plan's default. */
export const ProjectLimitsInput = z.object({
  requestsPerMinute: z
    .number("requestsPerMinute must be a whole number, or null to use the plan's default")
    .int("requestsPerMinute must be a whole number")
    .min(1, "requestsPerMinute must be at least 1")
    .max(MAX_REQUESTS_PER_MINUTE, `requestsPerMinute must be at most ${MAX_REQUESTS_PER_MINUTE}`)
    .nullable(),
});
export type ProjectLimitsInput = z.input<typeof ProjectLimitsInput>;

export const RenameProjectInput = z.object({ slug: Slug });
export type RenameProjectInput = z.input<typeof RenameProjectInput>;

/** Strict: a plan change never carries a mode (mode is fixed at creation), so `mode` in the body is refused. */
export const ChangePlanInput = z.strictObject({
  plan: z.enum(["free", "pro", "enterprise"], "plan must be one of: free, pro, enterprise"),
});
export type ChangePlanInput = z.input<typeof ChangePlanInput>;

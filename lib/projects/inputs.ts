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

/**
 * `flux push`: every migration file of the directory (or the one --file), in any order. Names, sizes, NUL
 * bytes and duplicate versions are checked together by checkMigrationFiles so one answer lists every problem.
 */
export const PushMigrationsInput = z.object({
  files: z
    .array(
      z.object({
        fileName: z
          .string("fileName must be the file's name, e.g. 0001_create_todos.sql")
          .max(200, "fileName must be at most 200 characters"),
        sql: z.string("sql must be the file's text"),
      }),
      "files must be a list of { fileName, sql }",
    )
    .min(1, "files must hold at least one migration file"),
  dryRun: z.boolean("dryRun must be true or false").default(false),
  force: z.boolean("force must be true or false").default(false),
});
export type PushMigrationsInput = z.input<typeof PushMigrationsInput>;

/** A push carries the whole migration directory, so its body may exceed FLUX_BODY_LIMIT_BYTES up to this. */
export const MAX_PUSH_BODY_BYTES = 16 * 1024 * 1024;

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

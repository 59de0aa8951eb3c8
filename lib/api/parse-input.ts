import type { z } from "zod";
import { FluxError } from "./errors";

/**
 * Validates input against its zod contract; failures become a 400 whose message names each bad field and
 * its rule, e.g. "slug: Slug "A" must be 3 to 40 characters long."
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  throw new FluxError("bad_request", message);
}

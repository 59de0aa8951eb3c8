import { z } from "zod";

export const RotateSecretInput = z.object({
  /** Duration such as "30m" or "7d"; "0s" refuses the old secret at once. Omitted: the default grace. */
  grace: z
    .string('grace must be a duration such as "30m"')
    .trim()
    .max(16, 'grace must be a duration such as "30m"')
    .optional(),
});
export type RotateSecretInput = z.input<typeof RotateSecretInput>;

import { z } from "zod";

export const MAX_ENV_VALUE_BYTES = 32_768;

/** Shell-style names, upper case; FLUX_ is kept for variables the platform itself sets. */
export const EnvKey = z
  .string()
  .trim()
  .regex(
    /^[A-Z_][A-Z0-9_]{0,127}$/,
    "key must be upper-case letters, digits and _, not start with a digit, at most 128 characters (e.g. STRIPE_KEY)",
  )
  .refine(
    (key) => !key.startsWith("FLUX_"),
    "keys starting with FLUX_ are reserved for the platform; choose another name",
  );

export const SetEnvInput = z.object({
  key: EnvKey,
  value: z
    .string("value must be a string")
    .refine(
      (value) => Buffer.byteLength(value, "utf8") <= MAX_ENV_VALUE_BYTES,
      `value must be at most ${MAX_ENV_VALUE_BYTES} bytes`,
    ),
  secret: z.boolean("secret must be true or false").default(false),
});
export type SetEnvInput = z.input<typeof SetEnvInput>;

/** What leaves the server: a secret's value never does, not even to its owner. */
export const EnvVarResponse = z.object({
  key: z.string(),
  secret: z.boolean(),
  value: z.string().nullable(),
  updatedAt: z.string(),
});
export type EnvVarResponse = z.output<typeof EnvVarResponse>;

export const envSecretContext = (tenantId: string, key: string) => `project-env:${tenantId}:${key}`;

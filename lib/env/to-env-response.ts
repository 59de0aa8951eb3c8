import type { projectEnv } from "@/drizzle/schema";
import type { EnvVarResponse } from "./inputs";

/** The one place an env row becomes output: secret rows go out without a value, whatever the caller's role. */
export function toEnvResponse(row: typeof projectEnv.$inferSelect): EnvVarResponse {
  return {
    key: row.key,
    secret: row.secret,
    value: row.secret ? null : row.value,
    updatedAt: row.updatedAt.toISOString(),
  };
}

import { loadConfig, localRuntimeEnv, type FluxConfig, ConfigError } from "@/lib/config";
import { CliError } from "./errors";

/**
 * Configuration for commands that talk to flux-system directly (`flux admin …`): the environment first,
 * then what a running `flux dev` recorded under .flux/.
 */
export function systemConfig(): FluxConfig {
  const env = localRuntimeEnv();
  if (!env.DATABASE_URL) {
    throw new CliError(
      "No flux-system database is known.",
      "Start the stack with `npm run dev` (it records the embedded database under .flux/), or set DATABASE_URL.",
    );
  }
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

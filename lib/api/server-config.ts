import { loadConfig, localRuntimeEnv, type FluxConfig } from "@/lib/config";

let config: FluxConfig | undefined;

/**
 * The web process's config, parsed once on first use (not at import, so `next build` needs no database
 * settings). Explicit environment wins over what `flux dev` recorded, then the generated dev secrets.
 */
export function getServerConfig(): FluxConfig {
  config ??= loadConfig(localRuntimeEnv());
  return config;
}

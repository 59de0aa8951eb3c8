import type { FluxConfig } from "@/lib/config";
import { decryptSecret, encryptSecret, jwtSecretContext } from "@/lib/secrets";
import type { ProjectRow } from "@/lib/projects/types";

type Keyed = Pick<ProjectRow, "tenantId" | "jwtSecretEncrypted">;

export const currentProjectSecret = (config: Pick<FluxConfig, "FLUX_MASTER_KEY">, project: Keyed): string =>
  decryptSecret(project.jwtSecretEncrypted, config.FLUX_MASTER_KEY, jwtSecretContext(project.tenantId));

export const sealProjectSecret = (
  config: Pick<FluxConfig, "FLUX_MASTER_KEY">,
  tenantId: string,
  secret: string,
): string => encryptSecret(secret, config.FLUX_MASTER_KEY, jwtSecretContext(tenantId));

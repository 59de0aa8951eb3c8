import { inRolledBackTransaction } from "@/lib/troubleshoot/checks/read-only-session";
import { LINTS } from "./lints";
import type { AdvisorFinding, LintScope } from "./types";

/** Runs every lint over one tenant schema in one read-only, rolled-back catalog session. */
export async function runLints(tenantAdminUrl: string, scope: LintScope): Promise<AdvisorFinding[]> {
  return inRolledBackTransaction(
    tenantAdminUrl,
    async (client) => {
      const findings: AdvisorFinding[] = [];
      for (const lint of LINTS) {
        for (const found of await lint.run(client, scope)) {
          findings.push({
            key: `${lint.name}:${found.object}`,
            lint: lint.name,
            level: lint.level,
            category: lint.category,
            ...found,
          });
        }
      }
      return findings;
    },
    { timeoutMs: 10_000 },
  );
}

import { Command, CommanderError } from "commander";
import { registerAdmin } from "./commands/admin";
import { registerAdvisors } from "./commands/advisors";
import { registerAudit } from "./commands/audit";
import { registerBackup } from "./commands/backup";
import { registerDev } from "./commands/dev";
import { registerDiagnose } from "./commands/diagnose";
import { registerDoctor } from "./commands/doctor";
import { registerDomains } from "./commands/domains";
import { registerEnv } from "./commands/env";
import { registerGen } from "./commands/gen";
import { registerIssuers } from "./commands/issuers";
import { registerLogin } from "./commands/login";
import { registerMembers } from "./commands/members";
import { registerMigrations } from "./commands/migrations";
import { registerNuke } from "./commands/nuke";
import { registerPat } from "./commands/pat";
import { registerProjects } from "./commands/projects";
import { registerPush } from "./commands/push";
import { registerSecrets } from "./commands/secrets";
import { registerToken } from "./commands/token";
import { CliError } from "./errors";

const program = new Command("flux")
  .description("Flux: Postgres-backed APIs, from a terminal")
  .version("0.1.0")
  .showHelpAfterError("(run `flux --help` for the commands)")
  .exitOverride();

registerDev(program);
registerAdmin(program);
registerLogin(program);
registerProjects(program);
registerPush(program);
registerMigrations(program);
registerGen(program);
registerSecrets(program);
registerToken(program);
registerDomains(program);
registerIssuers(program);
registerMembers(program);
registerEnv(program);
registerPat(program);
registerAudit(program);
registerBackup(program);
registerNuke(program);
registerDiagnose(program);
registerAdvisors(program);
registerDoctor(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Exit explicitly: open handles (keep-alive sockets, pools) must not hold a failed command open, and
  // the loader's own exit path does not keep process.exitCode.
  process.exit(reportError(err));
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof CliError) {
    process.stderr.write(`flux: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ""}`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`flux: ${message}\n`);
  return 1;
}

import type { Command } from "commander";
import { createDb } from "@/lib/db";
import { migrateFluxSystem } from "@/lib/db/migrate";
import { createUser } from "@/lib/users/create-user";
import { CliError } from "../errors";
import { emit } from "../output";
import { systemConfig } from "../system-config";

const PLATFORM_ROLES = ["admin", "support", "user"] as const;
type PlatformRole = (typeof PLATFORM_ROLES)[number];

export function registerAdmin(program: Command): void {
  const admin = program.command("admin").description("operator commands that talk to flux-system directly");

  admin
    .command("create-user")
    .description("create a dashboard user (like createsuperuser)")
    .requiredOption("--email <email>", "the user's e-mail")
    .option("--password <password>", "at least 8 characters (or set FLUX_PASSWORD)")
    .option("--role <role>", `platform role: ${PLATFORM_ROLES.join(", ")}`, "user")
    .option("--json", "print JSON")
    .action(async (opts: { email: string; password?: string; role: string; json?: boolean }) => {
      const password = opts.password ?? process.env.FLUX_PASSWORD;
      if (!password) throw new CliError("No password given.", "Pass --password or set FLUX_PASSWORD.");
      if (!PLATFORM_ROLES.includes(opts.role as PlatformRole)) {
        throw new CliError(
          `--role "${opts.role}" is not a platform role.`,
          `Use one of: ${PLATFORM_ROLES.join(", ")}.`,
        );
      }
      const config = systemConfig();
      const handle = createDb(config.DATABASE_URL, { max: 1, applicationName: "flux-cli" });
      try {
        const user = await createUser({
          ctx: { db: handle.db, config, actor: null, requestId: "cli" },
          input: { email: opts.email, password, platformRole: opts.role as PlatformRole },
        });
        emit(
          Boolean(opts.json),
          { id: user.id, email: user.email, platformRole: user.platformRole },
          () => `Created user ${user.email} (${user.platformRole}).`,
        );
      } finally {
        await handle.close();
      }
    });

  admin
    .command("migrate")
    .description("create and migrate the flux-system and tenant databases")
    .action(async () => {
      const config = systemConfig();
      await migrateFluxSystem({
        databaseUrl: config.DATABASE_URL,
        tenantDatabaseUrl: config.tenantDatabaseUrl,
        dataPlaneKey: config.FLUX_DATA_PLANE_KEY,
      });
      process.stdout.write("flux-system is migrated.\n");
    });
}

import type { Command } from "commander";
import { callApi } from "../api-client";
import { forgetCredentials, resolveApiUrl, saveCredentials } from "../credentials";
import { CliError } from "../errors";
import { emit } from "../output";

type LoginResponse = { token: string; tokenId: string; user: { id: string; email: string } };

export function registerLogin(program: Command): void {
  program
    .command("login")
    .description("sign in to the control plane and store a personal access token")
    .option("--api-url <url>", "the dashboard's address (default: FLUX_API_URL or http://localhost:3000)")
    .requiredOption("--email <email>", "your account's e-mail")
    .option("--password <password>", "your password (or set FLUX_PASSWORD)")
    .option("--json", "print JSON")
    .action(async (opts: { apiUrl?: string; email: string; password?: string; json?: boolean }) => {
      const password = opts.password ?? process.env.FLUX_PASSWORD;
      if (!password) throw new CliError("No password given.", "Pass --password or set FLUX_PASSWORD.");
      const apiUrl = resolveApiUrl(opts.apiUrl);
      const result = await callApi<LoginResponse>("POST", "/auth/login", {
        apiUrl,
        token: null,
        body: { email: opts.email, password, name: "flux CLI" },
      });
      const file = saveCredentials({ apiUrl, token: result.token, email: result.user.email });
      emit(
        Boolean(opts.json),
        { apiUrl, email: result.user.email, tokenId: result.tokenId },
        () => `Logged in to ${apiUrl} as ${result.user.email}. Token ${result.tokenId} saved to ${file}.`,
      );
    });

  program
    .command("logout")
    .description("forget the stored token")
    .action(() => {
      forgetCredentials();
      process.stdout.write("Logged out.\n");
    });
}

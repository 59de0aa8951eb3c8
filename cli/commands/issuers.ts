import type { Command } from "commander";
import type { IssuerResponse } from "@/lib/issuers/inputs";
import { callApi } from "../api-client";
import { emit, table } from "../output";

const enc = encodeURIComponent;

/** `flux issuers add | list | remove`: third-party token issuers (RS256 / ES256) a project trusts by JWKS URL. */
export function registerIssuers(program: Command): void {
  const issuers = program
    .command("issuers")
    .description("trust tokens of a third-party issuer (Clerk, Auth0, Auth.js) by its JWKS URL");

  issuers
    .command("add")
    .description("trust RS256 / ES256 tokens whose iss is --issuer, verified against the keys at --jwks-url (owner)")
    .requiredOption("--project <slug>", "the project")
    .requiredOption("--issuer <iss>", "the exact iss claim of the issuer's tokens, e.g. https://clerk.example.com")
    .requiredOption("--jwks-url <url>", "where the issuer publishes its public keys (https)")
    .option("--audience <aud>", "require this value in the tokens' aud claim")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; issuer: string; jwksUrl: string; audience?: string; json?: boolean }) => {
      const body = {
        issuer: opts.issuer,
        jwksUrl: opts.jwksUrl,
        ...(opts.audience === undefined ? {} : { audience: opts.audience }),
      };
      const added = await callApi<IssuerResponse>("POST", `/projects/${enc(opts.project)}/issuers`, { body });
      emit(Boolean(opts.json), added, () =>
        [
          `${added.project} now trusts tokens from ${added.issuer}${added.audience ? ` (aud ${added.audience})` : ""}.`,
          `Keys: ${added.jwksUrl} (fetched by the gateway on the first token, then cached)`,
        ].join("\n"),
      );
    });

  issuers
    .command("list")
    .description("the issuers a project trusts")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; json?: boolean }) => {
      const { data } = await callApi<{ data: IssuerResponse[] }>(
        "GET",
        `/projects/${enc(opts.project)}/issuers?limit=200`,
      );
      emit(Boolean(opts.json), data, () =>
        data.length === 0
          ? `${opts.project} trusts no third-party issuer (tokens are HS256 with the project secret).`
          : table(
              data.map((i) => ({
                issuer: i.issuer,
                "jwks url": i.jwksUrl,
                audience: i.audience ?? "-",
                added: i.createdAt,
              })),
              ["issuer", "jwks url", "audience", "added"],
            ),
      );
    });

  issuers
    .command("remove")
    .description("stop trusting an issuer; its tokens are refused from the next request on (owner)")
    .requiredOption("--project <slug>", "the project")
    .requiredOption("--issuer <iss>", "the issuer to remove, as `flux issuers list` shows it")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; issuer: string; json?: boolean }) => {
      const removed = await callApi<{ issuer: string; removed: true }>(
        "DELETE",
        `/projects/${enc(opts.project)}/issuers?issuer=${enc(opts.issuer)}`,
      );
      emit(Boolean(opts.json), removed, () => `${opts.project} no longer trusts ${removed.issuer}.`);
    });
}

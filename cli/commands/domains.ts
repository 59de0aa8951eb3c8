import type { Command } from "commander";
import type { DomainResponse } from "@/lib/domains/to-domain-response";
import { callApi } from "../api-client";
import { emit, table } from "../output";

const enc = encodeURIComponent;

/** `flux domains add | verify | list | remove`: custom hostnames that route to a project once proven by DNS. */
export function registerDomains(program: Command): void {
  const domains = program
    .command("domains")
    .description("custom domains: add, prove by a DNS TXT record, list, remove");

  domains
    .command("add <hostname>")
    .description("claim a hostname for a project and print the TXT record that proves you own it")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (hostname: string, opts: { project: string; json?: boolean }) => {
      const domain = await callApi<DomainResponse>("POST", `/projects/${enc(opts.project)}/domains`, {
        body: { hostname },
      });
      emit(Boolean(opts.json), domain, () =>
        [
          `Added ${domain.hostname} to ${domain.project} (pending). To prove you own it, create this DNS record:`,
          `  ${domain.verification.name}  TXT  "${domain.verification.value}"`,
          `then run: flux domains verify ${domain.hostname}`,
        ].join("\n"),
      );
    });

  domains
    .command("verify <hostname>")
    .description("look up the TXT record; once it matches, the hostname routes to its project")
    .option("--project <slug>", "the project (found from the hostname when left out)")
    .option("--json", "print JSON")
    .action(async (hostname: string, opts: { project?: string; json?: boolean }) => {
      const slug = opts.project ?? (await projectOf(hostname));
      const domain = await callApi<DomainResponse>("POST", `/projects/${enc(slug)}/domains/${enc(hostname)}/verify`);
      emit(Boolean(opts.json), domain, () => `${domain.hostname} is verified and routes to ${domain.project}.`);
    });

  domains
    .command("list")
    .description("a project's custom domains and their state")
    .requiredOption("--project <slug>", "the project")
    .option("--json", "print JSON")
    .action(async (opts: { project: string; json?: boolean }) => {
      const { data } = await callApi<{ data: DomainResponse[] }>("GET", `/projects/${enc(opts.project)}/domains`);
      emit(Boolean(opts.json), data, () =>
        table(
          data.map((d) => ({
            hostname: d.hostname,
            status: d.status,
            "txt record": `${d.verification.name} ${d.verification.value}`,
          })),
          ["hostname", "status", "txt record"],
        ),
      );
    });

  domains
    .command("remove <hostname>")
    .description("stop routing the hostname (every gateway forgets it at once)")
    .option("--project <slug>", "the project (found from the hostname when left out)")
    .option("--json", "print JSON")
    .action(async (hostname: string, opts: { project?: string; json?: boolean }) => {
      const slug = opts.project ?? (await projectOf(hostname));
      const domain = await callApi<DomainResponse>("DELETE", `/projects/${enc(slug)}/domains/${enc(hostname)}`);
      emit(Boolean(opts.json), domain, () => `Removed ${domain.hostname} from ${domain.project}.`);
    });
}

/** Hostnames are unique across projects, so the API can say whose one is. */
async function projectOf(hostname: string): Promise<string> {
  return (await callApi<DomainResponse>("GET", `/domains/${enc(hostname)}`)).project;
}

import type { IncomingMessage } from "node:http";
import { createProjectDirectory } from "@/gateway/directory/project-directory";
import type { ResolvedProject } from "@/gateway/directory/types";
import { GatewayError } from "@/gateway/errors";
import { resolveHost } from "@/gateway/pipeline/resolve-host";
import { parseServiceHost, serviceHostname } from "@/lib/tenancy";
import type { CheckOutcome, DiagnosisContext } from "./types";

/** A request carrying only a Host, enough for the gateway's own resolver (decision 0028: same code, same answer). */
const hostOnly = (host: string) =>
  ({ headers: { host }, rawHeaders: ["Host", host], url: "/" }) as unknown as IncomingMessage;

/**
 * Resolves the host exactly as the gateway does (flattened, dotted, verified custom domain, status). With no
 * host given, the project's own Service URL is used, so the remaining checks still run.
 */
export async function resolveProjectHost(
  ctx: DiagnosisContext,
): Promise<{ outcome: CheckOutcome; resolved: ResolvedProject | null }> {
  const canonical = serviceHostname(ctx.project, ctx.baseDomain);
  const host = ctx.request.host ?? canonical;
  const directory = createProjectDirectory({
    db: ctx.db,
    masterKey: ctx.masterKey,
    baseDomain: ctx.baseDomain,
    ttlMs: 0,
  });
  const form = describeForm(host, ctx.baseDomain);
  const fixHost = [`Call https://${canonical} (flux projects get ${ctx.project.slug} shows it)`];
  let resolved: ResolvedProject;
  try {
    resolved = await resolveHost(hostOnly(host), directory);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    const fix =
      error.code === "FLUX-GW-SUSPENDED"
        ? [`flux projects resume ${ctx.project.slug}`]
        : form === "custom domain"
          ? [`flux domains verify --project ${ctx.project.slug} ${host}`, ...fixHost]
          : fixHost;
    return {
      outcome: { evidence: [], refusal: { code: error.code, evidence: [`routing: ${error.message} (${form})`], fix } },
      resolved: null,
    };
  }
  if (resolved.tenantId !== ctx.project.tenantId) {
    // Another project is served there; which one is not the caller's business.
    const evidence = [`routing: host '${host}' (${form}) is served, but by another project than '${ctx.project.slug}'`];
    return {
      outcome: { evidence: [], refusal: { code: "FLUX-DIAG-HOST-OTHER-PROJECT", evidence, fix: fixHost } },
      resolved: null,
    };
  }
  const note = ctx.request.host ? "" : " (no host given: the project's Service URL)";
  return {
    outcome: { evidence: [`routing: host '${host}'${note} resolves to project '${ctx.project.slug}' (${form})`] },
    resolved,
  };
}

function describeForm(host: string, baseDomain: string): string {
  const parsed = parseServiceHost(host, baseDomain);
  if (!parsed) return "custom domain";
  return parsed.form === "dotted" ? "legacy dotted Service URL" : "flattened Service URL";
}

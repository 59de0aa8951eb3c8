import type { FluxConfig } from "@/lib/config";
import { buildServiceUrl, roleNameOf, schemaNameOf } from "@/lib/tenancy";
import type { ProjectRow } from "./types";

export type ProjectResponse = {
  tenantId: string;
  slug: string;
  hash: string;
  name: string;
  mode: ProjectRow["mode"];
  plan: ProjectRow["plan"];
  status: ProjectRow["status"];
  serviceUrl: string;
  schema: string;
  role: string;
  createdAt: string;
};

/**
 * Decides what of a project leaves the server. Built field by field (never by spreading the row), so a new
 * column — or the encrypted JWT secret — cannot leak by accident.
 */
export function toProjectResponse(
  row: Pick<ProjectRow, "tenantId" | "slug" | "hash" | "name" | "mode" | "plan" | "status" | "createdAt">,
  config: Pick<FluxConfig, "FLUX_BASE_DOMAIN" | "FLUX_PUBLIC_SCHEME" | "FLUX_GATEWAY_PORT">,
): ProjectResponse {
  return {
    tenantId: row.tenantId,
    slug: row.slug,
    hash: row.hash,
    name: row.name,
    mode: row.mode,
    plan: row.plan,
    status: row.status,
    serviceUrl: buildServiceUrl({
      slug: row.slug,
      hash: row.hash,
      baseDomain: config.FLUX_BASE_DOMAIN,
      scheme: config.FLUX_PUBLIC_SCHEME,
      port: config.FLUX_GATEWAY_PORT,
    }),
    schema: schemaNameOf(row.tenantId),
    role: roleNameOf(row.tenantId),
    createdAt: row.createdAt.toISOString(),
  };
}

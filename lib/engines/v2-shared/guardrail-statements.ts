import type pg from "pg";
import { quoteIdent, quoteLiteral } from "@/lib/engines/sql";
import type { EngineProject } from "@/lib/engines/types";
import { tenantIdentifiers } from "@/lib/tenancy";
import { guardrailsFor, ownerRoleSettings, pushLimitsFor } from "./guardrails";
import { existingRoles } from "./tenant-roles";

/**
 * Re-applies the plan's limits to both roles after a plan change: the API role's statement_timeout and
 * CONNECTION LIMIT, the owner role's push timeouts and CONNECTION LIMIT. They act on the next login.
 */
export async function applyTenantPlan(client: pg.Client, project: EngineProject): Promise<void> {
  const ids = tenantIdentifiers(project.tenantId);
  await requireRoles(client, [ids.role, ids.ownerRole], project);
  const { statementTimeout, connectionLimit } = guardrailsFor(project.plan);
  const api = quoteIdent(ids.role);
  await client.query(`alter role ${api} connection limit ${Math.trunc(connectionLimit)}`);
  await client.query(`alter role ${api} set statement_timeout = ${quoteLiteral(statementTimeout)}`);
  const push = pushLimitsFor(project.plan);
  const owner = quoteIdent(ids.ownerRole);
  await client.query(`alter role ${owner} connection limit ${Math.trunc(push.connectionLimit)}`);
  for (const [setting, value] of Object.entries(ownerRoleSettings(ids.schema, push))) {
    await client.query(`alter role ${owner} set ${quoteIdent(setting)} = ${quoteLiteral(value)}`);
  }
}

/**
 * Suspension takes LOGIN away from both roles and ends their sessions, so neither the data API nor a
 * push can reach the tenant until it is restored.
 */
export async function setTenantLogin(client: pg.Client, project: EngineProject, canLogin: boolean): Promise<string[]> {
  const ids = tenantIdentifiers(project.tenantId);
  const roles = [ids.ownerRole, ids.role];
  await requireRoles(client, roles, project);
  for (const role of roles) await client.query(`alter role ${quoteIdent(role)} ${canLogin ? "login" : "nologin"}`);
  return roles;
}

async function requireRoles(client: pg.Client, roles: string[], project: EngineProject): Promise<void> {
  const found = await existingRoles(client, roles);
  const missing = roles.filter((role) => !found.includes(role));
  if (missing.length > 0) {
    throw new Error(
      `Project ${project.tenantId} is not provisioned (missing role ${missing.join(", ")}); run provisionProject first.`,
    );
  }
}

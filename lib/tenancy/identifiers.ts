import { randomBytes, randomUUID } from "node:crypto";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SHORT_ID = /^[0-9a-f]{12}$/;

export function newTenantId(): string {
  return randomUUID();
}

export function isTenantId(value: string): boolean {
  return UUID_V4.test(value);
}

/** First 12 hex characters of the tenant_id without hyphens (48 bits; see the architecture document §4). */
export function shortIdOf(tenantId: string): string {
  if (!isTenantId(tenantId)) throw new Error(`Not a tenant_id (UUID v4, lower case): ${JSON.stringify(tenantId)}`);
  return tenantId.replace(/-/g, "").slice(0, 12);
}

function assertShortId(shortId: string): string {
  if (!SHORT_ID.test(shortId))
    throw new Error(`Not a shortid (12 lower-case hex characters): ${JSON.stringify(shortId)}`);
  return shortId;
}

export const schemaNameOf = (tenantId: string) => `t_${shortIdOf(tenantId)}_api`;
export const roleNameOf = (tenantId: string) => `t_${shortIdOf(tenantId)}_role`;
export const ownerRoleNameOf = (tenantId: string) => `t_${shortIdOf(tenantId)}_owner`;

/** The tenant identifiers, derived only from tenant_id (invariant 2). */
export function tenantIdentifiers(tenantId: string) {
  return {
    tenantId,
    shortId: shortIdOf(tenantId),
    schema: schemaNameOf(tenantId),
    role: roleNameOf(tenantId),
    ownerRole: ownerRoleNameOf(tenantId),
  };
}
export type TenantIdentifiers = ReturnType<typeof tenantIdentifiers>;

const TENANT_ROLE = /^t_([0-9a-f]{12})_role$/;

/** The schema served to an API role: `t_<shortid>_role` → `t_<shortid>_api`; null for any other name. */
export function schemaForApiRole(role: string): string | null {
  const match = TENANT_ROLE.exec(role);
  return match?.[1] ? `t_${assertShortId(match[1])}_api` : null;
}

/** 7 random hex characters, immutable, part of the Service URL. */
export function newProjectHash(): string {
  return randomBytes(4).toString("hex").slice(0, 7);
}

export function isProjectHash(value: string): boolean {
  return /^[0-9a-f]{7}$/.test(value);
}

import { derivedRolePassword } from "@/lib/secrets";
import { tenantIdentifiers } from "@/lib/tenancy";
import type { EngineProject, TenantCredentials } from "@/lib/engines/types";

/**
 * The cluster URL with the login replaced by `role` and `password` (host, port, database and options kept).
 * node-postgres lets the URL win over separate user/password options, so the credentials go into the URL.
 */
export function roleDatabaseUrl(clusterDatabaseUrl: string, role: string, password: string): string {
  const url = new URL(clusterDatabaseUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** The cluster URL logged in as a tenant role with its derived password: how `rest` and migrations connect. */
export function roleLoginUrl(clusterDatabaseUrl: string, role: string, dataPlaneKey: string): string {
  return roleDatabaseUrl(clusterDatabaseUrl, role, derivedRolePassword(dataPlaneKey, role));
}

export function credentialsFor(project: EngineProject, dataPlaneKey: string): TenantCredentials {
  const ids = tenantIdentifiers(project.tenantId);
  return {
    ...ids,
    apiDatabaseUrl: roleLoginUrl(project.clusterDatabaseUrl, ids.role, dataPlaneKey),
    ownerDatabaseUrl: roleLoginUrl(project.clusterDatabaseUrl, ids.ownerRole, dataPlaneKey),
  };
}

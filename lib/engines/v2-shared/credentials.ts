import { derivedRolePassword } from "@/lib/secrets";
import { tenantIdentifiers } from "@/lib/tenancy";
import type { EngineProject, TenantCredentials } from "@/lib/engines/types";

/** The cluster URL with the login replaced by `role` and its derived password (host, port, database and options kept). */
export function roleDatabaseUrl(clusterDatabaseUrl: string, role: string, password: string): string {
  const url = new URL(clusterDatabaseUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

export function credentialsFor(project: EngineProject, dataPlaneKey: string): TenantCredentials {
  const ids = tenantIdentifiers(project.tenantId);
  return {
    ...ids,
    apiDatabaseUrl: roleDatabaseUrl(project.clusterDatabaseUrl, ids.role, derivedRolePassword(dataPlaneKey, ids.role)),
    ownerDatabaseUrl: roleDatabaseUrl(
      project.clusterDatabaseUrl,
      ids.ownerRole,
      derivedRolePassword(dataPlaneKey, ids.ownerRole),
    ),
  };
}

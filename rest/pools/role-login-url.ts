import { derivedRolePassword } from "@/lib/secrets";

/**
 * The tenant cluster URL logged in as the tenant's own API role with its derived password. Host, port,
 * database and options are kept; node-postgres would let the URL win over separate user/password options,
 * so the credentials go into the URL itself.
 */
export function roleLoginUrl(clusterDatabaseUrl: string, role: string, dataPlaneKey: string): string {
  const url = new URL(clusterDatabaseUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(derivedRolePassword(dataPlaneKey, role));
  return url.toString();
}

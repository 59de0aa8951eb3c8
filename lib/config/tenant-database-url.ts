/**
 * The shared tenant cluster defaults to a sibling database on the flux-system server, so tenant roles never
 * share a database (or a `public` schema) with the control plane's tables.
 */
export function tenantDatabaseUrlFor(systemUrl: string): string {
  const url = new URL(systemUrl);
  const systemDb = decodeURIComponent(url.pathname.replace(/^\//, "")) || "flux";
  url.pathname = `/${systemDb}_tenants`;
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`The database URL ${redactUrl(databaseUrl)} names no database`);
  return name;
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

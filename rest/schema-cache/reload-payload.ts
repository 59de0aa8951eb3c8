/** What a `NOTIFY pgrst, '<payload>'` asks for. */
export type ReloadRequest = { kind: "all" } | { kind: "schema"; schema: string } | { kind: "ignore" };

/**
 * PostgREST's payloads are `reload schema` (and `reload config`, which means nothing here); Flux also sends a
 * schema name so one tenant's migration reloads only that tenant's cache. An empty payload reloads all,
 * like PostgREST.
 */
export function parseReloadPayload(payload: string | undefined): ReloadRequest {
  const text = (payload ?? "").trim();
  if (text === "" || text === "reload schema") return { kind: "all" };
  if (text === "reload config") return { kind: "ignore" };
  return { kind: "schema", schema: text };
}

/** What a data API path addresses: a table or view, a function, the OpenAPI root, or nothing we understand. */
export type Target =
  | { kind: "relation"; name: string }
  | { kind: "rpc"; name: string }
  | { kind: "root" }
  | { kind: "other"; path: string };

export function targetOf(path: string): Target {
  const segments = path.split("/").filter((segment) => segment !== "");
  if (segments.length === 0) return { kind: "root" };
  if (segments[0] === "rpc" && segments.length === 2 && segments[1]) return { kind: "rpc", name: segments[1] };
  if (segments.length === 1 && segments[0]) return { kind: "relation", name: segments[0] };
  return { kind: "other", path };
}

/** The table privilege a verb needs (PostgREST: GET/HEAD read, POST inserts, PATCH updates, PUT upserts, DELETE). */
export function privilegesFor(method: string): Array<"SELECT" | "INSERT" | "UPDATE" | "DELETE"> {
  switch (method) {
    case "POST":
      return ["INSERT"];
    case "PATCH":
      return ["UPDATE"];
    case "PUT":
      return ["INSERT", "UPDATE"];
    case "DELETE":
      return ["DELETE"];
    default:
      return ["SELECT"];
  }
}

/** The RLS command a verb runs under (pg_policies.cmd). */
export function commandFor(method: string): "SELECT" | "INSERT" | "UPDATE" | "DELETE" {
  return method === "POST" || method === "PUT"
    ? "INSERT"
    : method === "PATCH"
      ? "UPDATE"
      : method === "DELETE"
        ? "DELETE"
        : "SELECT";
}

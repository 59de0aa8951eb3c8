const METHODS = new Set(["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"]);

/** `GET /notes?select=id` (or a bare path, read as GET) → method, path and query. */
export function parseRequestLine(line: string): { method: string; path: string; query: string } {
  const parts = line.trim().split(/\s+/);
  const [first = "", second, ...rest] = parts;
  if (rest.length > 0)
    throw new Error(`'${line.slice(0, 80)}' is not 'METHOD /path?query' (it has spaces in the path?)`);
  const method = second === undefined ? "GET" : first.toUpperCase();
  const target = second ?? first;
  if (!METHODS.has(method))
    throw new Error(`'${method.slice(0, 20)}' is not an HTTP method the data API serves (${[...METHODS].join(", ")})`);
  let url: URL;
  try {
    url = new URL(target, "http://request.invalid");
  } catch {
    throw new Error(`'${target.slice(0, 80)}' is not a path such as /notes?select=id`);
  }
  if (!target.startsWith("/") && url.host === "request.invalid")
    throw new Error(`The path must start with / (got '${target.slice(0, 80)}')`);
  return { method, path: decodeURIComponent(url.pathname), query: url.search.replace(/^\?/, "") };
}

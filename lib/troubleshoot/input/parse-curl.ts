import { shellWords } from "./shell-words";

export type PastedRequest = {
  method: string;
  /** Path without the query. */
  path: string;
  /** The query string without `?` ('' when none). */
  query: string;
  host: string | null;
  /** The bearer token of an Authorization header, if the command carries one. */
  token: string | null;
  headers: Record<string, string>;
  hasBody: boolean;
};

const DATA_FLAGS = new Set([
  "-d",
  "--data",
  "--data-raw",
  "--data-binary",
  "--data-urlencode",
  "--json",
  "-F",
  "--form",
]);
/** Flags that take a value we do not need; skipped with it so the value is not mistaken for the URL. */
const VALUE_FLAGS = new Set([
  "-o",
  "--output",
  "-w",
  "--write-out",
  "-u",
  "--user",
  "-A",
  "--user-agent",
  "-e",
  "--referer",
  "-b",
  "--cookie",
  "-m",
  "--max-time",
  "--connect-timeout",
  "--resolve",
  "--cacert",
  "--cert",
  "--key",
  "-x",
  "--proxy",
  "-T",
  "--upload-file",
  "--retry",
  "-c",
  "--cookie-jar",
]);

/**
 * A pasted `curl …` command → what the request asked for. Understands -X/--request, -H/--header (also
 * `-HAuthorization: …`), data flags (POST unless -X says otherwise), -I/--head, -G/--get, --url, and a URL with a
 * host. Unknown flags are ignored; a command without a URL is refused with a message saying so.
 */
export function parseCurl(command: string): PastedRequest {
  const words = shellWords(command.trim());
  if (words[0] !== "curl") throw new Error("A pasted request must start with curl (or use --request 'GET /table')");
  let method: string | null = null;
  let url: string | null = null;
  let hasBody = false;
  let forceGet = false;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const next = () => {
      i += 1;
      const value = words[i];
      if (value === undefined) throw new Error(`curl flag ${word} needs a value`);
      return value;
    };
    if (word === "-X" || word === "--request") method = next().toUpperCase();
    else if (word.startsWith("-X") && word.length > 2) method = word.slice(2).toUpperCase();
    else if (word === "-H" || word === "--header") addHeader(headers, next());
    else if (word.startsWith("-H") && word.length > 2) addHeader(headers, word.slice(2));
    else if (DATA_FLAGS.has(word)) {
      next();
      hasBody = true;
    } else if (/^--(data|data-raw|data-binary|data-urlencode|json|form)=/.test(word) || /^-[dF]./.test(word))
      hasBody = true;
    else if (word === "-I" || word === "--head") method = "HEAD";
    else if (word === "-G" || word === "--get") forceGet = true;
    else if (word === "--url") url = next();
    else if (VALUE_FLAGS.has(word)) next();
    else if (!word.startsWith("-") && url === null) url = word;
  }
  if (!url) throw new Error("The curl command names no URL");
  const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  const resolvedMethod = method ?? (forceGet ? "GET" : hasBody ? "POST" : "GET");
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1] ?? null;
  return {
    method: resolvedMethod,
    path: decodeURIComponent(parsed.pathname) || "/",
    query: parsed.search.replace(/^\?/, ""),
    host: headers.host ?? parsed.host,
    token: bearer,
    headers,
    hasBody,
  };
}

function addHeader(headers: Record<string, string>, line: string): void {
  const colon = line.indexOf(":");
  if (colon <= 0) throw new Error(`The header '${line.slice(0, 40)}' has no name: value form`);
  headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
}

import { RestError } from "./rest-error";

type PgrstRaise = { message: string; detail?: string };

const unparsable = (what: string, raw: string) =>
  new RestError(500, {
    code: "PGRST121",
    message: "Could not parse JSON in the RAISE SQLSTATE 'PGRST' error",
    details: `Invalid JSON in the ${what}: ${raw}`,
    hint: `RAISE SQLSTATE 'PGRST' USING message = '{"code":…,"message":…}', detail = '{"status":…,"headers":{…}}'`,
  });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const textOrNull = (value: unknown) => (value === undefined || value === null ? null : String(value));

/**
 * `RAISE SQLSTATE 'PGRST' USING message = '<json body>', detail = '<json {status, headers}>'`: the function
 * author chooses the whole reply, as PostgREST documents; anything unparsable is 500 PGRST121.
 */
export function raisedPgrstError(error: PgrstRaise): RestError {
  let body: unknown;
  let meta: unknown;
  try {
    body = JSON.parse(error.message);
  } catch {
    return unparsable("message", error.message);
  }
  try {
    meta = JSON.parse(error.detail ?? "");
  } catch {
    return unparsable("detail", error.detail ?? "");
  }
  if (!isObject(body) || typeof body.message !== "string" || !isObject(meta) || !Number.isInteger(meta.status)) {
    return unparsable(
      !isObject(body) || typeof body.message !== "string" ? "message" : "detail",
      isObject(body) ? (error.detail ?? "") : error.message,
    );
  }
  const status = Number(meta.status);
  const rawHeaders = isObject(meta.headers) ? meta.headers : {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && typeof value === "string" && !/[\r\n]/.test(value))
      headers[name] = value;
  }
  if (status < 100 || status > 599) return unparsable("detail", error.detail ?? "");
  return new RestError(
    status,
    {
      code: textOrNull(body.code) ?? "",
      message: body.message,
      details: textOrNull(body.details),
      hint: textOrNull(body.hint),
    },
    headers,
  );
}

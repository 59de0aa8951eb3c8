import { RestError } from "@/rest/respond/rest-error";

/** `/<table>` → the table name. Nested paths (`/rpc/fn`, `/a/b`) and the root are not resources in this slice. */
export function parseTablePath(pathname: string): string {
  const segments = pathname.split("/").filter((segment) => segment !== "");
  const [first] = segments;
  if (first === undefined) {
    throw new RestError(404, {
      code: "PGRST125",
      message: "The root path / (OpenAPI description) is not supported yet",
    });
  }
  if (segments.length > 1 || first === "rpc") {
    throw new RestError(404, {
      code: "PGRST125",
      message: `Invalid path specified in request URL: ${pathname}`,
      hint: "This version serves /<table> and /rpc/<function>",
    });
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(first);
  } catch {
    throw new RestError(400, { code: "PGRST100", message: `The path ${pathname} is not valid percent-encoding` });
  }
  // Any table name is possible in PostgreSQL; it is looked up in the schema cache and quoted, never spliced.
  if (hasControlCharacter(decoded)) {
    throw new RestError(400, { code: "PGRST100", message: `The path ${pathname} contains control characters` });
  }
  return decoded;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

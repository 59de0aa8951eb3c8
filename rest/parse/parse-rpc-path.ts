import { syntaxError } from "@/rest/respond/rest-error";

/** `/rpc/<fn>` → the function name (percent-decoded), or null for any other path. */
export function rpcNameOf(pathname: string): string | null {
  const segments = pathname.split("/").filter((segment) => segment !== "");
  if (segments.length !== 2 || segments[0] !== "rpc" || segments[1] === undefined) return null;
  let name: string;
  try {
    name = decodeURIComponent(segments[1]);
  } catch {
    throw syntaxError(`The path ${pathname} is not valid percent-encoding`);
  }
  // Looked up in the schema cache and quoted, never spliced; control characters are never a real name.
  if (hasControlCharacter(name)) throw syntaxError(`The path ${pathname} contains control characters`);
  return name;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 0x20) return true;
  return false;
}

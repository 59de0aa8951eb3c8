import { syntaxError } from "@/rest/respond/rest-error";
import type { OrderTerm } from "./ast";
import { parseName } from "./parse-name";

/** `order=a.desc.nullslast,b` — each term is a column, then optional direction, then optional nulls placement. */
export function parseOrder(raw: string | null): OrderTerm[] {
  if (raw === null || raw.trim() === "") return [];
  const where = `order parameter (${raw})`;
  return raw.split(",").map((term) => {
    // A quoted name may itself contain dots, so take the modifiers from the end.
    const parts = term.trim().split(".");
    let nulls: OrderTerm["nulls"] = null;
    let direction: OrderTerm["direction"] = null;
    const last = parts.at(-1);
    if (last === "nullsfirst" || last === "nullslast") {
      nulls = last === "nullsfirst" ? "first" : "last";
      parts.pop();
    }
    const maybeDirection = parts.at(-1);
    if (parts.length > 1 && (maybeDirection === "asc" || maybeDirection === "desc")) {
      direction = maybeDirection;
      parts.pop();
    }
    const name = parts.join(".");
    if (name === "") throw syntaxError(`failed to parse ${where}: a term names no column`);
    if (parts.length > 1 && !name.startsWith('"')) {
      throw syntaxError(
        `failed to parse ${where}: unexpected "${parts.slice(1).join(".")}" after column "${parts[0] ?? ""}"`,
        "Expected asc, desc, nullsfirst or nullslast",
      );
    }
    return { column: parseName(name, where), direction, nulls };
  });
}

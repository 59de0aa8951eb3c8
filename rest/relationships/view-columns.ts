/**
 * Where each column of a view comes from, read from the view's rewrite rule (`pg_rewrite.ev_action`, PostgreSQL's
 * node-tree text) as PostgREST does: the top-level query's target entries carry `resorigtbl`/`resorigcol`, the
 * base table and column a plain column reference resolves to (through joins), 0 for computed columns.
 */
export type ColumnOrigin = { resno: number; table: number; column: number };

type NodeValue = string | null | NodeValue[] | { type: string; fields: Record<string, NodeValue> };

/** Bounds the work a pathological view definition can cause. */
const MAX_TOKENS = 200_000;

export function viewColumnOrigins(definition: string): ColumnOrigin[] {
  const tokens = tokenize(definition);
  if (tokens === null) return [];
  const parsed = new Parser(tokens).value();
  const query = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!isNode(query) || query.type !== "QUERY") return [];
  const targets = query.fields.targetList;
  if (!Array.isArray(targets)) return [];
  const origins: ColumnOrigin[] = [];
  for (const entry of targets) {
    if (!isNode(entry) || entry.type !== "TARGETENTRY" || entry.fields.resjunk === "true") continue;
    const origin = {
      resno: Number(entry.fields.resno),
      table: Number(entry.fields.resorigtbl),
      column: Number(entry.fields.resorigcol),
    };
    if (origin.table > 0 && origin.column > 0 && Number.isInteger(origin.resno)) origins.push(origin);
  }
  return origins;
}

const isNode = (value: NodeValue | undefined): value is { type: string; fields: Record<string, NodeValue> } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function tokenize(text: string): string[] | null {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    if (tokens.length > MAX_TOKENS) return null;
    if ("{}()".includes(char)) {
      tokens.push(char);
      i += 1;
      continue;
    }
    let token = "";
    const quoted = char === '"';
    if (quoted) i += 1;
    while (i < text.length) {
      const next = text[i] as string;
      if (quoted ? next === '"' : /\s/.test(next) || "{}()".includes(next)) break;
      if (next === "\\") i += 1;
      token += text[i] ?? "";
      i += 1;
    }
    if (quoted) i += 1;
    tokens.push(token);
  }
  return tokens;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: string[]) {}

  value(): NodeValue {
    const token = this.tokens[this.pos++];
    if (token === undefined) return null;
    if (token === "{") return this.node();
    if (token === "(") return this.list();
    return token === "<>" ? null : token;
  }

  private node(): NodeValue {
    const type = this.tokens[this.pos++] ?? "";
    const fields: Record<string, NodeValue> = {};
    while (this.pos < this.tokens.length && this.tokens[this.pos] !== "}") {
      const key = this.tokens[this.pos] as string;
      if (key.startsWith(":") && key.length > 1) {
        this.pos += 1;
        const next = this.tokens[this.pos];
        fields[key.slice(1)] = next === "}" || (next?.startsWith(":") && next.length > 1) ? null : this.value();
      } else {
        // Extra atoms of a field (`:constvalue 4 [ 1 0 0 0 ]`) or nested values: skip them whole.
        this.value();
      }
    }
    this.pos += 1;
    return { type, fields };
  }

  private list(): NodeValue[] {
    const items: NodeValue[] = [];
    while (this.pos < this.tokens.length && this.tokens[this.pos] !== ")") items.push(this.value());
    this.pos += 1;
    return items;
  }
}

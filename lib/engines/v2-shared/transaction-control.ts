export type TransactionControl = { statement: string; position: number };

const ENDS_OR_STARTS = new Set(["begin", "start", "commit", "end", "rollback", "abort"]);

/**
 * Finds a top-level statement that would end or restart the push's transaction (COMMIT, ROLLBACK, BEGIN,
 * END, ABORT, START TRANSACTION, PREPARE TRANSACTION). Such a file would commit half of itself before
 * a later error, so it is refused before anything runs. The scanner knows SQL's quoting (strings, E-strings,
 * quoted identifiers, dollar quotes, nested comments) and, like psql, the `BEGIN ATOMIC … END` bodies of
 * CREATE statements. `position` is 1-based, like PostgreSQL's error positions.
 */
export function findTransactionControl(sql: string): TransactionControl | null {
  let words: { word: string; at: number }[] = [];
  let depth = 0;
  let i = 0;
  const verdict = () => judge(sql, words);
  while (i < sql.length) {
    const ch = sql.charAt(i);
    const next = sql.charAt(i + 1);
    if (ch === "-" && next === "-") i = skipTo(sql, "\n", i);
    else if (ch === "/" && next === "*") i = skipBlockComment(sql, i);
    else if (ch === "'") i = skipQuoted(sql, i, "'", isEscapeString(sql, i));
    else if (ch === '"') i = skipQuoted(sql, i, '"', false);
    else if (ch === "$" && !isWordChar(sql.charAt(i - 1)) && dollarTag(sql, i)) i = skipDollarQuoted(sql, i);
    else if (ch === ";" && depth === 0) {
      const found = verdict();
      if (found) return found;
      words = [];
      i += 1;
    } else if (/[A-Za-z_]/.test(ch) && !isWordChar(sql.charAt(i - 1))) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))?.[0] ?? ch;
      const lower = word.toLowerCase();
      if (words[0]?.word === "create" && (lower === "begin" || lower === "case")) depth += 1;
      else if (words[0]?.word === "create" && lower === "end" && depth > 0) depth -= 1;
      words.push({ word: lower, at: i });
      i += word.length;
    } else i += 1;
  }
  return verdict();
}

function judge(sql: string, words: { word: string; at: number }[]): TransactionControl | null {
  const [first, second] = words;
  if (!first) return null;
  const lead = words.slice(0, 4).map((w) => w.word);
  const toSavepoint = first.word === "rollback" && lead.includes("to");
  const prepareTransaction = first.word === "prepare" && second?.word === "transaction";
  if ((ENDS_OR_STARTS.has(first.word) && !toSavepoint) || prepareTransaction) {
    return {
      statement: lead.slice(0, 2).join(" ").toUpperCase(),
      position: Array.from(sql.slice(0, first.at)).length + 1,
    };
  }
  return null;
}

const isWordChar = (ch: string) => /[A-Za-z0-9_$]/.test(ch);

function skipTo(sql: string, end: string, from: number): number {
  const found = sql.indexOf(end, from);
  return found === -1 ? sql.length : found + end.length;
}

function skipBlockComment(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return i;
}

function isEscapeString(sql: string, quoteAt: number): boolean {
  return /[eE]/.test(sql.charAt(quoteAt - 1)) && !isWordChar(sql.charAt(quoteAt - 2));
}

function skipQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const ch = sql.charAt(i);
    if (backslashEscapes && ch === "\\") i += 2;
    else if (ch === quote && sql.charAt(i + 1) === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i += 1;
  }
  return i;
}

function dollarTag(sql: string, from: number): string | null {
  return /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(from))?.[0] ?? null;
}

function skipDollarQuoted(sql: string, from: number): number {
  const tag = dollarTag(sql, from) ?? "$$";
  return skipTo(sql, tag, from + tag.length);
}

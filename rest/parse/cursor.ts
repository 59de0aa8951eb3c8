import { RestError } from "@/rest/respond/rest-error";

/**
 * A position in one query-string value, for the hand-written parsers. Failures read like PostgREST's
 * (`"failed to parse filter (noop.1)" (line 1, column 6)` with the reason in details), always 400 PGRST100.
 */
export class Cursor {
  pos = 0;

  constructor(
    readonly text: string,
    /** e.g. `filter (eq.1)`, quoted into the message. */
    readonly source: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(length = 1): string {
    return this.text.slice(this.pos, this.pos + length);
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  /** Consumes `token` if it is next. */
  eat(token: string): boolean {
    if (!this.startsWith(token)) return false;
    this.pos += token.length;
    return true;
  }

  expect(token: string, what = `"${token}"`): void {
    if (!this.eat(token)) throw this.fail(`expecting ${what}`);
  }

  rest(): string {
    const value = this.text.slice(this.pos);
    this.pos = this.text.length;
    return value;
  }

  skipSpaces(): void {
    while (this.peek() === " " || this.peek() === "\t") this.pos += 1;
  }

  fail(reason: string, at = this.pos): RestError {
    const found = at >= this.text.length ? "end of input" : JSON.stringify(this.text[at]);
    return new RestError(400, {
      code: "PGRST100",
      message: `"failed to parse ${this.source}" (line 1, column ${at + 1})`,
      details: `unexpected ${found} ${reason}`.trim(),
    });
  }
}

/** Runs a parser over a whole value; trailing input is an error. */
export function parseWhole<T>(text: string, source: string, parse: (cursor: Cursor) => T, ending: string): T {
  const cursor = new Cursor(text, source);
  const value = parse(cursor);
  if (!cursor.done) throw cursor.fail(`expecting ${ending}`);
  return value;
}

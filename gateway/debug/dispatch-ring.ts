/** One row per finished request, as the debug snapshot shows it: never a header value, a token or a query. */
export type DispatchRow = {
  requestId: string;
  time: string;
  host: string | null;
  tenantId: string | null;
  method: string;
  /** Path without the query string (queries carry user data). */
  path: string;
  status: number;
  code: string | null;
  /** Milliseconds spent in each pipeline step that ran, plus the total. */
  timings: Record<string, number>;
};

/** A fixed-size ring of the most recent dispatch rows; the oldest row is overwritten first. */
export class DispatchRing {
  private readonly rows: DispatchRow[] = [];
  private next = 0;

  constructor(readonly capacity = 100) {}

  push(row: DispatchRow): void {
    if (this.rows.length < this.capacity) this.rows.push(row);
    else this.rows[this.next] = row;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Newest first. */
  recent(): DispatchRow[] {
    return [...this.rows.slice(this.next), ...this.rows.slice(0, this.next)].reverse();
  }
}

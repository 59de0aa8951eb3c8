import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseArchiveList } from "./archive-objects";
import type { BackupRow } from "./backup-row";
import { renameTenant, withoutSchemaEntry } from "./restore-into-project";
import { expiredRows } from "./sweep-retention";
import { diffTableStats } from "./table-stats";
import { tenantIdentifiers } from "@/lib/tenancy";

const from = tenantIdentifiers("11111111-2222-4333-8444-555555555555");
const to = tenantIdentifiers("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

const LISTING = `;
; Archive created at 2026-11-23
5; 2615 16400 SCHEMA - t_111111112222_api postgres
215; 1259 16402 TABLE t_111111112222_api items postgres
214; 1259 16401 SEQUENCE t_111111112222_api items_id_seq postgres
3350; 0 16402 TABLE DATA t_111111112222_api items postgres
3201; 2606 16407 CONSTRAINT t_111111112222_api items items_pkey postgres
3202; 2606 16408 FK CONSTRAINT t_111111112222_api orders orders_item_fkey postgres
3203; 3256 16409 POLICY t_111111112222_api items own_rows postgres
`;

describe("archive listing", () => {
  it("reads type, schema and name, telling FK CONSTRAINT and TABLE DATA apart", () => {
    expect(parseArchiveList(LISTING)).toEqual([
      { type: "SCHEMA", schema: "-", name: "t_111111112222_api" },
      { type: "TABLE", schema: "t_111111112222_api", name: "items" },
      { type: "SEQUENCE", schema: "t_111111112222_api", name: "items_id_seq" },
      { type: "TABLE DATA", schema: "t_111111112222_api", name: "items" },
      { type: "CONSTRAINT", schema: "t_111111112222_api", name: "items items_pkey" },
      { type: "FK CONSTRAINT", schema: "t_111111112222_api", name: "orders orders_item_fkey" },
      { type: "POLICY", schema: "t_111111112222_api", name: "items own_rows" },
    ]);
  });

  it("skips only the schema entry when restoring into a provisioned schema", () => {
    const lines = withoutSchemaEntry(LISTING, from.schema).split("\n");
    expect(lines.filter((l) => l.startsWith(";5;"))).toHaveLength(1);
    expect(lines.filter((l) => /^\d/.test(l))).toHaveLength(6);
  });
});

describe("renameTenant", () => {
  it("rewrites the old tenant's schema and roles in SQL but never inside COPY data", async () => {
    const sql = [
      `CREATE TABLE t_111111112222_api.items (id integer);`,
      `CREATE POLICY p ON t_111111112222_api.items TO t_111111112222_role USING (true);`,
      `COPY t_111111112222_api.items (id, note) FROM stdin;`,
      `1\tmentions t_111111112222_api in data`,
      `\\.`,
      `SELECT pg_catalog.setval('t_111111112222_api.items_id_seq', 1, true);`,
    ].join("\n");
    // Split mid-line and mid-character to prove chunk boundaries do not matter.
    const bytes = Buffer.from(`${sql}\n-- é`);
    const chunks = [bytes.subarray(0, 37), bytes.subarray(37, bytes.length - 1), bytes.subarray(bytes.length - 1)];
    let out = "";
    for await (const piece of Readable.from(chunks).pipe(renameTenant(from, to))) out += String(piece);
    expect(out).toContain(`CREATE TABLE t_aaaaaaaabbbb_api.items`);
    expect(out).toContain(`TO t_aaaaaaaabbbb_role`);
    expect(out).toContain(`COPY t_aaaaaaaabbbb_api.items`);
    expect(out).toContain(`1\tmentions t_111111112222_api in data`);
    expect(out).toContain(`setval('t_aaaaaaaabbbb_api.items_id_seq'`);
    expect(out.endsWith("-- é")).toBe(true);
  });
});

describe("retention", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const day = 86_400_000;
  const row = (id: string, ageDays: number, over: Partial<BackupRow> = {}) =>
    ({
      id,
      createdAt: new Date(now.getTime() - ageDays * day),
      status: "validated",
      verifyResult: null,
      artifactMissingAt: null,
      ...over,
    }) as BackupRow;

  it("sweeps rows older than the window beyond the newest N, but never the newest restorable one", () => {
    const rows = [
      row("a", 1),
      row("b", 10),
      row("c", 20, { verifyResult: "passed" }),
      row("d", 30, { verifyResult: "passed" }),
      row("e", 40),
    ];
    expect(expiredRows(rows, { keepDays: 7, keepAtLeast: 1 }, now).map((r) => r.id)).toEqual(["b", "d", "e"]);
    expect(expiredRows(rows, { keepDays: 7, keepAtLeast: 3 }, now).map((r) => r.id)).toEqual(["d", "e"]);
    expect(expiredRows(rows, { keepDays: 100, keepAtLeast: 1 }, now)).toEqual([]);
  });
});

describe("diffTableStats", () => {
  it("names a missing table, a row-count change, a same-count content change and an unexpected table", () => {
    const recorded = [
      { table: "a", rows: 1, contentHash: "x" },
      { table: "b", rows: 2, contentHash: "y" },
      { table: "c", rows: 3, contentHash: "z" },
    ];
    const restored = [
      { table: "b", rows: 3, contentHash: "y" },
      { table: "c", rows: 3, contentHash: "Z" },
      { table: "d", rows: 0, contentHash: "" },
    ];
    expect(diffTableStats(recorded, restored)).toEqual([
      "table a is missing after restore",
      "table b: 3 rows restored, 2 recorded",
      "table c: same row count (3) but the content hash differs from the one recorded",
      "table d appeared after restore but was not recorded",
    ]);
    expect(diffTableStats(recorded, recorded)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("reads a header line, quoted fields and unquoted NULL as null", () => {
    expect(parseCsv('id,title\r\n1,"a, ""quoted"" one"\n2,NULL\n3,"NULL"\n')).toEqual([
      { id: "1", title: 'a, "quoted" one' },
      { id: "2", title: null },
      { id: "3", title: "NULL" },
    ]);
  });

  it("refuses ragged lines and a missing header with PGRST102", () => {
    expect(() => parseCsv("id,title\n1\n")).toThrowError(expect.objectContaining({ code: "PGRST102" }));
    expect(() => parseCsv("")).toThrowError(expect.objectContaining({ code: "PGRST102" }));
  });
});

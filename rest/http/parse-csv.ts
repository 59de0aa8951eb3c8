import { RestError } from "@/rest/respond/rest-error";

const invalidCsv = (message: string) => new RestError(400, { code: "PGRST102", message });

/**
 * A `text/csv` body as PostgREST reads it: the first line names the columns, every later line is one row,
 * fields may be double-quoted (`""` inside quotes is a quote), and an unquoted `NULL` is SQL NULL. Values
 * stay strings; PostgreSQL converts them to the column types like any JSON string.
 */
export function parseCsv(text: string): Array<Record<string, string | null>> {
  const lines = splitRecords(text);
  const header = lines.shift();
  if (!header || header.every((cell) => cell.value === "")) throw invalidCsv("The CSV body has no header line");
  const columns = header.map((cell) => cell.value);
  return lines.map((fields) => {
    if (fields.length !== columns.length) throw invalidCsv("All lines must have same number of fields");
    const row: Record<string, string | null> = {};
    columns.forEach((column, index) => {
      const cell = fields[index];
      row[column] = !cell || (!cell.quoted && cell.value === "NULL") ? null : cell.value;
    });
    return row;
  });
}

type Cell = { value: string; quoted: boolean };

function splitRecords(text: string): Cell[][] {
  const records: Cell[][] = [];
  let record: Cell[] = [];
  let cell: Cell = { value: "", quoted: false };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        cell.value += '"';
        i++;
      } else if (char === '"') inQuotes = false;
      else cell.value += char;
    } else if (char === '"' && cell.value === "") {
      inQuotes = true;
      cell.quoted = true;
    } else if (char === ",") {
      record.push(cell);
      cell = { value: "", quoted: false };
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = { value: "", quoted: false };
    } else cell.value += char;
  }
  if (inQuotes) throw invalidCsv("The CSV body ends inside a quoted field");
  if (cell.value !== "" || cell.quoted || record.length > 0) records.push([...record, cell]);
  return records;
}

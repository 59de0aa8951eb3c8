import type { ReactNode } from "react";

/** A plain table of rows; `empty` is shown instead when there are none. */
export function DataTable({
  columns,
  rows,
  testId,
  empty,
}: {
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  testId: string;
  empty: string;
}) {
  if (rows.length === 0)
    return (
      <p
        className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500"
        data-testid={`${testId}-empty`}
      >
        {empty}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th key={c} className="px-4 py-2 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key} data-testid={`${testId}-row`} data-key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={i} className="px-4 py-2 align-top">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

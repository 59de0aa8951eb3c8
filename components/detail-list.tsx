import type { ReactNode } from "react";

export type Detail = { label: string; value: ReactNode; testId: string; mono?: boolean };

/** Label/value pairs of a record, e.g. a project's Service URL, mode and plan. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <dl className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
      {items.map((item) => (
        <div key={item.testId} className="grid grid-cols-3 gap-4 px-5 py-3 text-sm">
          <dt className="font-medium text-slate-500">{item.label}</dt>
          <dd
            data-testid={item.testId}
            className={`col-span-2 break-all ${item.mono ? "font-mono text-xs leading-5" : ""}`}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

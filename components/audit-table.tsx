import type { AuditEntryResponse } from "@/lib/audit/audit-response";
import { DataTable } from "./data-table";

/** Audit rows, newest first: when, who, what, on what, and the request id that ties it to logs. */
export function AuditTable({ entries }: { entries: AuditEntryResponse[] }) {
  return (
    <DataTable
      testId="audit"
      columns={["When", "Actor", "Action", "Target", "Details", "Request"]}
      empty="Nothing recorded yet."
      rows={entries.map((e) => ({
        key: String(e.id),
        cells: [
          new Date(e.at).toUTCString(),
          e.actor ?? "(system)",
          <code key="a" data-testid="audit-action">
            {e.action}
          </code>,
          `${e.targetType}:${e.targetId}`,
          <code key="d" className="text-xs">
            {JSON.stringify(e.details)}
          </code>,
          <code key="r" className="text-xs">
            {e.requestId}
          </code>,
        ],
      }))}
    />
  );
}

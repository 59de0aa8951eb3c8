const STYLES: Record<string, string> = {
  active: "bg-green-50 text-green-700 ring-green-600/20",
  provisioning: "bg-amber-50 text-amber-700 ring-amber-600/20",
  suspended: "bg-slate-100 text-slate-700 ring-slate-500/20",
  failed: "bg-red-50 text-red-700 ring-red-600/20",
  verified: "bg-green-50 text-green-700 ring-green-600/20",
  pending: "bg-amber-50 text-amber-700 ring-amber-600/20",
};

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status] ?? STYLES.suspended}`}
    >
      {status}
    </span>
  );
}

import type { ActionState } from "./action-form";
import { ActionForm } from "./action-form";

type Finding = {
  key: string;
  lint: string;
  level: "info" | "warn" | "error";
  category: string;
  object: string;
  message: string;
  remediation: string;
  dismissed: boolean;
};

const LEVEL_CLASS = {
  error: "bg-red-100 text-red-800",
  warn: "bg-amber-100 text-amber-800",
  info: "bg-slate-100 text-slate-700",
} as const;

/** Advisor findings of one project, most severe first; owners and developers may dismiss a finding by its key. */
export function AdvisorsPanel({
  findings,
  dismiss,
}: {
  findings: Finding[] | { error: string };
  dismiss?: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  return (
    <section
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="advisors-panel"
    >
      <h2 className="text-base font-semibold">Advisors</h2>
      {"error" in findings ? (
        <p className="text-sm text-slate-500" data-testid="advisors-unavailable">
          {findings.error}
        </p>
      ) : findings.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="advisors-none">
          No findings: the schema passes every lint.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {findings.map((finding) => (
            <li
              key={finding.key}
              data-testid="advisor-finding"
              data-key={finding.key}
              data-dismissed={finding.dismissed}
              className={`space-y-1 py-3 ${finding.dismissed ? "opacity-50" : ""}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-medium ${LEVEL_CLASS[finding.level]}`}
                  data-testid="advisor-level"
                >
                  {finding.level}
                </span>
                <span className="text-xs text-slate-500">{finding.category}</span>
                <code className="text-xs">{finding.object}</code>
                {finding.dismissed ? <span className="text-xs text-slate-500">dismissed</span> : null}
              </div>
              <p>{finding.message}</p>
              <pre className="overflow-x-auto rounded bg-slate-900 p-2 font-mono text-xs text-white">
                {finding.remediation}
              </pre>
              {dismiss && !finding.dismissed ? (
                <ActionForm action={dismiss} testId="dismiss-advisor" submitLabel="Dismiss">
                  <input type="hidden" name="key" value={finding.key} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import Link from "next/link";
import { DetailList } from "@/components/detail-list";
import { isFluxError } from "@/lib/api/errors";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { lookUpRequest, type RequestPath } from "@/lib/support/look-up-request";
import { notFoundUnlessStaff, SupportShell } from "../../support-shell";

export const dynamic = "force-dynamic";

/** One request's whole path through the gateway, from its dispatch row (never a token, a query or a body). */
export default async function RequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const id = decodeURIComponent(requestId);
  const ctx = await getPageContextOrRedirect();
  let found: RequestPath | { error: string };
  try {
    found = await lookUpRequest({ ctx, requestId: id });
  } catch (err) {
    if (isFluxError(err) && err.code !== "forbidden" && err.status < 500) found = { error: err.message };
    else notFoundUnlessStaff(err);
  }
  return (
    <SupportShell email={ctx.email} title={`Request ${id}`}>
      {"error" in found ? (
        <p className="text-sm text-slate-600" data-testid="request-missing">
          {found.error}
        </p>
      ) : (
        <>
          <DetailList
            items={[
              { label: "Time", value: found.row.time, testId: "request-time" },
              {
                label: "Project",
                value: found.projectSlug ?? "none (the host resolved to no project)",
                testId: "request-project",
              },
              { label: "Host", value: found.row.host ?? "—", testId: "request-host", mono: true },
              { label: "Request", value: `${found.row.method} ${found.row.path}`, testId: "request-line", mono: true },
              { label: "Outcome", value: found.outcome, testId: "request-outcome" },
              { label: "Total", value: `${found.row.timings.total ?? "?"} ms`, testId: "request-total" },
            ]}
          />
          <ol
            className="space-y-1 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm"
            data-testid="request-steps"
          >
            {found.steps.map((step) => (
              <li key={step.step} data-testid="request-step" data-step={step.step}>
                <code>{step.step}</code> {step.ms} ms
              </li>
            ))}
            {found.steps.length === 0 ? <li>Refused before resolving the host.</li> : null}
          </ol>
          <div className="flex gap-4 text-sm">
            {found.guide ? (
              <Link href={found.guide} className="text-indigo-700 hover:underline" data-testid="request-guide">
                What this code means
              </Link>
            ) : null}
            {found.projectSlug ? (
              <Link
                href={`/projects/${encodeURIComponent(found.projectSlug)}/troubleshoot?requestId=${encodeURIComponent(found.row.requestId)}`}
                className="text-indigo-700 hover:underline"
                data-testid="request-diagnose"
              >
                Diagnose this request
              </Link>
            ) : null}
          </div>
        </>
      )}
    </SupportShell>
  );
}

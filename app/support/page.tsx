import Link from "next/link";
import { inputClass } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listProjectHealth } from "@/lib/support/list-project-health";
import { gatewayViewOnce } from "@/lib/troubleshoot/gateway-view";
import { notFoundUnlessStaff, SupportShell } from "./support-shell";

export const dynamic = "force-dynamic";

/** Support: every project's health, and a request-id lookup. */
export default async function SupportPage() {
  const ctx = await getPageContextOrRedirect();
  const health = await listProjectHealth({ ctx, multiplier: gatewayViewOnce(process.env).rateLimitMultiplier }).catch(
    notFoundUnlessStaff,
  );
  return (
    <SupportShell email={ctx.email} title="Support">
      <form action="/support/requests" method="get" className="flex items-end gap-3" data-testid="request-lookup">
        <label className="text-sm font-medium">
          Request id (X-Request-ID)
          <input name="requestId" required data-testid="request-lookup-id" className={`${inputClass} font-mono`} />
        </label>
        <button
          type="submit"
          data-testid="request-lookup-submit"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Look up
        </button>
      </form>
      <DataTable
        testId="project-health"
        columns={[
          "Project",
          "Status",
          "Plan",
          "Requests this minute",
          "Recent errors",
          "Last request",
          "Last accessed",
        ]}
        empty="No projects yet."
        rows={health.map((project) => ({
          key: project.slug,
          cells: [
            <Link
              key="s"
              href={`/support/projects/${encodeURIComponent(project.slug)}`}
              className="text-indigo-700 hover:underline"
              data-testid="health-project"
            >
              {project.slug}
            </Link>,
            project.status,
            `${project.plan} · ${project.mode}`,
            <span key="r" data-testid="health-rate">
              {project.rateLimit.used === null
                ? "n/a (no Redis)"
                : `${project.rateLimit.used} / ${project.rateLimit.limit}`}
            </span>,
            <span key="e" data-testid="health-errors">
              {project.recentErrors.failed} of {project.recentErrors.total}
            </span>,
            project.lastRequest ? (
              <Link
                key="l"
                href={`/support/requests/${encodeURIComponent(project.lastRequest.requestId)}`}
                className="font-mono text-xs text-indigo-700 hover:underline"
              >
                {project.lastRequest.status} {project.lastRequest.code ?? ""}
              </Link>
            ) : (
              "—"
            ),
            project.lastAccessedAt ? new Date(project.lastAccessedAt).toUTCString() : "never",
          ],
        }))}
      />
    </SupportShell>
  );
}

import Link from "next/link";
import { AdvisorsPanel } from "@/components/advisors-panel";
import { DataTable } from "@/components/data-table";
import { TierBadge } from "@/components/tier-badge";
import { listBackups } from "@/lib/backups/list-backups";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listDomains } from "@/lib/domains/list-domains";
import { listProjectKeys } from "@/lib/project-keys/list-project-keys";
import { listProjectDispatches } from "@/lib/support/project-dispatches";
import { loadAdvisors } from "../../../projects/[slug]/load-advisors";
import { notFoundUnlessStaff, SupportShell } from "../../support-shell";

export const dynamic = "force-dynamic";

/** Everything support needs about one project: recent requests, key states (never values), domains, backup tiers, advisors. */
export default async function SupportProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const dispatches = await listProjectDispatches({ ctx, slug }).catch(notFoundUnlessStaff);
  const [keys, domains, backups, advisors] = await Promise.all([
    listProjectKeys({ ctx, slug }),
    listDomains({ ctx, slug }),
    listBackups({ ctx, slug, page: { limit: 10, offset: 0 } }),
    loadAdvisors(ctx, slug),
  ]);
  return (
    <SupportShell email={ctx.email} title={`Project ${slug}`}>
      <Link
        href={`/projects/${encodeURIComponent(slug)}/troubleshoot`}
        className="text-sm text-indigo-700 hover:underline"
        data-testid="support-diagnose"
      >
        Run the request diagnosis
      </Link>
      <h2 className="text-base font-semibold">Recent gateway requests</h2>
      {dispatches === null ? (
        <p className="text-sm text-slate-500" data-testid="dispatches-unavailable">
          Without REDIS_URL each gateway keeps its rows in memory (see its debug snapshot).
        </p>
      ) : (
        <DataTable
          testId="dispatches"
          columns={["Time", "Method", "Path", "Status", "Code", "Latency", "Request id"]}
          empty="No requests in the last hour."
          rows={dispatches.map((row) => ({
            key: row.requestId,
            cells: [
              row.time,
              row.method,
              <code key="p">{row.path}</code>,
              String(row.status),
              row.code ?? "",
              `${row.timings.total ?? "?"} ms`,
              <Link
                key="r"
                href={`/support/requests/${encodeURIComponent(row.requestId)}`}
                className="font-mono text-xs text-indigo-700 hover:underline"
              >
                {row.requestId}
              </Link>,
            ],
          }))}
        />
      )}
      <h2 className="text-base font-semibold">JWT keys</h2>
      <DataTable
        testId="support-keys"
        columns={["Fingerprint", "State", "Activated", "Accepted until"]}
        empty="No keys."
        rows={keys.data.map((key) => ({
          key: key.id,
          cells: [<code key="f">{key.fingerprint}</code>, key.state, key.activatedAt, key.acceptedUntil ?? "—"],
        }))}
      />
      <h2 className="text-base font-semibold">Custom domains</h2>
      <DataTable
        testId="support-domains"
        columns={["Hostname", "Status", "Verified"]}
        empty="No custom domains."
        rows={domains.map((domain) => ({
          key: domain.hostname,
          cells: [domain.displayName, domain.status, domain.verifiedAt ?? "—"],
        }))}
      />
      <h2 className="text-base font-semibold">Backups</h2>
      <DataTable
        testId="support-backups"
        columns={["Created", "Label", "Tier", "Next action"]}
        empty="No backups: the destructive-action gate refuses to delete this project."
        rows={backups.data.map((backup) => ({
          key: backup.id,
          cells: [backup.createdAt, backup.label, <TierBadge key="t" tier={backup.tier} />, backup.nextAction],
        }))}
      />
      <AdvisorsPanel findings={advisors} />
    </SupportShell>
  );
}

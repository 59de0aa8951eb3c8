import { AuditTable } from "@/components/audit-table";
import { Pager } from "@/components/pager";
import { pageQueryFrom } from "@/lib/api/pagination";
import { listProjectAudit } from "@/lib/audit/list-project-audit";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { notFoundOnDenied, ProjectPageShell } from "@/components/project-page-shell";

export const dynamic = "force-dynamic";

export default async function ProjectAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const page = pageQueryFrom(`http://x/?${new URLSearchParams(await searchParams)}`);
  const entries = await listProjectAudit({ ctx, slug, page }).catch(notFoundOnDenied);
  return (
    <ProjectPageShell slug={slug} email={ctx.email} title="Audit log">
      <AuditTable entries={entries.data} />
      <Pager page={entries.page} basePath={`/projects/${encodeURIComponent(slug)}/audit`} />
    </ProjectPageShell>
  );
}

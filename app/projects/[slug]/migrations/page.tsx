import { DataTable } from "@/components/data-table";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listProjectSql } from "@/lib/projects/list-project-sql";
import { notFoundOnDenied, ProjectPageShell } from "@/components/project-page-shell";

export const dynamic = "force-dynamic";

/** The project's applied migrations, oldest first, each with the SQL that ran (from the tenant's history). */
export default async function MigrationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const history = await listProjectSql({ ctx, slug }).catch(notFoundOnDenied);
  return (
    <ProjectPageShell slug={slug} email={ctx.email} title="Migrations">
      <p className="text-sm text-slate-600">
        Files pushed with <code>flux push --project {slug}</code>, in the order they ran. Each ran in its own
        transaction, logged in as the project&apos;s owner role.
      </p>
      <DataTable
        testId="migrations"
        columns={["Version", "Name", "Applied", "By", "Checksum", "SQL"]}
        empty={`No migrations applied yet: add flux/migrations/0001_name.sql and run flux push --project ${slug}.`}
        rows={history.map((m) => ({
          key: m.version,
          cells: [
            <code key="v" data-testid="migration-version">
              {m.version}
            </code>,
            <span key="n" data-testid="migration-name">
              {m.name}
            </span>,
            m.appliedAt.toUTCString(),
            m.actorEmail ?? "(unknown)",
            <code key="c" className="text-xs" title={m.checksum}>
              {m.checksum.slice(0, 12)}
            </code>,
            <details key="s" data-testid="migration-sql">
              <summary className="cursor-pointer text-indigo-700">Show SQL</summary>
              <pre className="mt-2 max-h-96 max-w-xl overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">
                {m.sql}
              </pre>
            </details>,
          ],
        }))}
      />
    </ProjectPageShell>
  );
}

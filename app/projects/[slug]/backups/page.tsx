import { ActionForm } from "@/components/action-form";
import { ProjectPageShell, Section } from "@/components/project-page-shell";
import { TierBadge } from "@/components/tier-badge";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listBackups } from "@/lib/backups/list-backups";
import { formatBytes } from "@/lib/backups/format-bytes";
import { loadProjectOrNotFound } from "../load-project";
import { createBackupAction, nukeProjectAction, verifyBackupAction } from "./actions";

export const dynamic = "force-dynamic";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/**
 * A project's backups with their trust tier (the decoder's meaning and the next action on each row), create
 * and verify buttons, and the danger zone — which deletes only when the latest backup is restorable.
 */
export default async function BackupsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const { project } = await loadProjectOrNotFound(ctx, slug);
  const { data: backups } = await listBackups({ ctx, slug: project.slug, page: { limit: 50, offset: 0 } });
  const latest = backups[0];
  return (
    <ProjectPageShell email={ctx.email} slug={project.slug} name={project.name}>
      <Section title="Backups" testId="backups-section">
        <p className="text-sm text-slate-600">
          Each backup is a portable export of this project&apos;s schema (pg_dump -Fc). Only a verification — a real
          restore into a disposable database with row counts and content hashes compared — makes one{" "}
          <span className="font-mono">restorable</span>.
        </p>
        <div className="flex flex-wrap gap-6">
          <ActionForm
            action={createBackupAction.bind(null, project.slug)}
            testId="create-backup-form"
            submitLabel="Create backup"
          />
          {latest ? (
            <ActionForm
              action={verifyBackupAction.bind(null, project.slug)}
              testId="verify-latest-form"
              submitLabel="Verify latest"
            >
              <input type="hidden" name="id" value={latest.id} />
            </ActionForm>
          ) : null}
        </div>
        {backups.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-backups">
            No backups yet. Create one, then verify it.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="backup-list">
            {backups.map((b) => (
              <li key={b.id} data-testid="backup-row" data-backup-id={b.id} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <span className="font-mono">{b.id}</span>
                  <TierBadge tier={b.tier} testId="backup-tier" />
                </div>
                <div className="text-slate-600" data-testid="backup-meaning">
                  {b.tierMeaning}
                </div>
                {b.tier === "restorable" ? null : (
                  <div className="font-mono text-xs text-slate-700" data-testid="backup-next-action">
                    Next: {b.nextAction}
                  </div>
                )}
                <div className="text-xs text-slate-500">
                  {b.label} · {formatBytes(b.sizeBytes)} · created {b.createdAt}
                  {b.verifiedAt ? ` · verified ${b.verifiedAt}` : ""} · {b.artifactPath ?? "no artifact"}
                  {b.artifactMissing ? " (missing on disk)" : ""}
                </div>
                {b.tier === "restorable" || b.status !== "validated" ? null : (
                  <ActionForm
                    action={verifyBackupAction.bind(null, project.slug)}
                    testId={`verify-${b.id}`}
                    submitLabel="Verify"
                  >
                    <input type="hidden" name="id" value={b.id} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <section data-testid="danger-zone" className="space-y-3 rounded-xl border border-red-300 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold text-red-700">Danger zone: delete this project</h2>
        <p className="text-sm text-slate-600">
          Deletes the schema and every row in it, the database roles, custom domains, keys and secrets. Allowed only
          when the latest backup is <span className="font-mono">restorable</span>
          {latest ? (
            <>
              {" "}
              (it is <TierBadge tier={latest.tier} testId="danger-latest-tier" />)
            </>
          ) : (
            " (there is no backup yet)"
          )}
          . Backups stay, so the project can be restored into a new one.
        </p>
        <ActionForm
          action={nukeProjectAction.bind(null, project.slug)}
          testId="nuke-form"
          submitLabel="Delete project"
          danger
        >
          <label className="flex-1 text-sm font-medium">
            Type <span className="font-mono">{project.slug}</span> to confirm
            <input
              name="confirm"
              required
              autoComplete="off"
              data-testid="nuke-confirm"
              className={`${INPUT} font-mono`}
            />
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="skipBackupCheck" data-testid="nuke-skip-backup-check" />
            Delete even without a restorable backup
          </label>
        </ActionForm>
      </section>
    </ProjectPageShell>
  );
}

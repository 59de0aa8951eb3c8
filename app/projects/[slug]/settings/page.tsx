import { ActionForm } from "@/components/action-form";
import { ProjectPageShell, Section } from "@/components/project-page-shell";
import { StatusBadge } from "@/components/status-badge";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { loadProjectOrNotFound } from "../load-project";
import { changePlanAction, renameProjectAction, setSuspendedAction } from "./actions";

export const dynamic = "force-dynamic";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Rename, plan, suspend / resume. The verbs decide who may (owners); others see the forms and the refusal. */
export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const { project } = await loadProjectOrNotFound(ctx, slug);
  const suspended = project.status === "suspended";
  return (
    <ProjectPageShell email={ctx.email} slug={project.slug} name={project.name}>
      <Section title="Rename" testId="rename-section">
        <p className="text-sm text-slate-600">
          The Service URL changes with the slug; the old URL answers 404 at once. Tenant id, schema, role, data and
          tokens stay.
        </p>
        <ActionForm action={renameProjectAction.bind(null, project.slug)} testId="rename-form" submitLabel="Rename">
          <label className="flex-1 text-sm font-medium">
            New slug
            <input
              name="slug"
              required
              defaultValue={project.slug}
              data-testid="rename-input"
              autoComplete="off"
              className={`${INPUT} font-mono`}
            />
          </label>
        </ActionForm>
      </Section>

      <Section title="Plan" testId="plan-section">
        <p className="text-sm text-slate-600">
          Current plan: <span data-testid="settings-plan">{project.plan}</span> (mode{" "}
          <span className="font-mono">{project.mode}</span>, which a plan change never alters). A higher plan raises the
          project&apos;s limits on the shared cluster, so a platform admin grants it; owners may move to a lower plan.
        </p>
        <ActionForm action={changePlanAction.bind(null, project.slug)} testId="plan-form" submitLabel="Change plan">
          <label className="text-sm font-medium">
            Plan
            <select
              name="plan"
              defaultValue={project.plan}
              data-testid="plan-change-select"
              className={`${INPUT} bg-white`}
            >
              <option value="free">Free</option>
              <option value="pro">Pro</option>
              <option value="enterprise">Enterprise</option>
            </select>
          </label>
        </ActionForm>
      </Section>

      <Section title={suspended ? "Resume" : "Suspend"} testId="suspend-section">
        <p className="text-sm text-slate-600">
          Status: <StatusBadge status={project.status} testId="settings-status" />.{" "}
          {suspended
            ? "Resuming serves the project again."
            : "A suspended project is answered 423 by the gateway and its database roles cannot log in."}
        </p>
        <ActionForm
          key={suspended ? "resume" : "suspend"}
          action={setSuspendedAction.bind(null, project.slug, !suspended)}
          testId={suspended ? "resume-form" : "suspend-form"}
          submitLabel={suspended ? "Resume project" : "Suspend project"}
          confirmText={
            suspended ? undefined : `Suspend ${project.slug}? Every request to it will be refused until you resume it.`
          }
          danger={!suspended}
        />
      </Section>
    </ProjectPageShell>
  );
}

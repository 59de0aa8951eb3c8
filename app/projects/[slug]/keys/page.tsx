import { ActionForm } from "@/components/action-form";
import { ProjectPageShell, Section } from "@/components/project-page-shell";
import { RevealSecret } from "@/components/reveal-secret";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { DEFAULT_GRACE_SECONDS } from "@/lib/project-keys/grace";
import { listProjectKeys } from "@/lib/project-keys/list-project-keys";
import { loadProjectOrNotFound } from "../load-project";
import { endGraceAction, revealSecretAction, rotateSecretAction } from "./actions";
import { KeyTable } from "./key-table";

export const dynamic = "force-dynamic";

/** The project's JWT secret: reveal (owner, audited), rotate with a grace period, end the grace, key history. */
export default async function ProjectKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const { project } = await loadProjectOrNotFound(ctx, slug);
  const { data: keys } = await listProjectKeys({ ctx, slug: project.slug });
  const inGrace = keys.some((key) => key.state === "previous");
  return (
    <ProjectPageShell email={ctx.email} slug={project.slug} name={project.name}>
      <Section title="JWT secret" testId="secret-section">
        <p className="text-sm text-slate-600">
          Your auth server signs project tokens (HS256) with this secret. Only owners may see it.
        </p>
        <RevealSecret action={revealSecretAction.bind(null, project.slug)} />
      </Section>

      <Section title="Rotate" testId="rotate-section">
        <p className="text-sm text-slate-600">
          A new secret replaces the current one; tokens signed with the old one are still accepted until the grace ends
          (default {Math.round(DEFAULT_GRACE_SECONDS / 86_400)} days and 15 minutes: the longest token lifetime plus 15
          minutes).
        </p>
        <ActionForm
          action={rotateSecretAction.bind(null, project.slug)}
          testId="rotate-form"
          submitLabel="Rotate secret"
        >
          <label className="text-sm font-medium">
            Grace
            <input
              name="grace"
              placeholder="30d (default)"
              data-testid="grace-input"
              autoComplete="off"
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
            />
          </label>
        </ActionForm>
      </Section>

      {inGrace ? (
        <Section title="End grace" testId="end-grace-section">
          <p className="text-sm text-slate-600">
            Refuse the previous secret now, e.g. once every client uses the new one or if it leaked.
          </p>
          <ActionForm
            action={endGraceAction.bind(null, project.slug)}
            testId="end-grace-form"
            submitLabel="End grace now"
            danger
            confirmText="Tokens signed with the previous secret will be refused from now on. End the grace?"
          />
        </Section>
      ) : null}

      <Section title="Keys" testId="keys-section">
        <KeyTable keys={keys} />
      </Section>
    </ProjectPageShell>
  );
}

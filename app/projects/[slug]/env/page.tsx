import { ActionForm, inputClass } from "@/components/action-form";
import { DataTable } from "@/components/data-table";
import { pageQueryFrom } from "@/lib/api/pagination";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listEnv } from "@/lib/env/list-env";
import { setEnvAction, unsetEnvAction } from "../people-actions";
import { notFoundOnDenied, ProjectPageShell } from "@/components/project-page-shell";

export const dynamic = "force-dynamic";

export default async function EnvPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const page = pageQueryFrom(`http://x/?${new URLSearchParams(await searchParams)}`);
  const vars = await listEnv({ ctx, slug, page }).catch(notFoundOnDenied);
  return (
    <ProjectPageShell slug={slug} email={ctx.email} title="Environment">
      <DataTable
        testId="env"
        columns={["Key", "Value", "Updated", ""]}
        empty="No variables yet."
        rows={vars.data.map((v) => ({
          key: v.key,
          cells: [
            <code key="k">{v.key}</code>,
            <span key="v" data-testid="env-value" className="font-mono text-xs">
              {v.secret ? "•••••• (secret, write-only)" : v.value}
            </span>,
            new Date(v.updatedAt).toUTCString(),
            <ActionForm key="x" action={unsetEnvAction.bind(null, slug)} testId={`unset-${v.key}`} submitLabel="Remove">
              <input type="hidden" name="key" value={v.key} />
            </ActionForm>,
          ],
        }))}
      />
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">Set a variable (owners and developers)</h2>
        <ActionForm action={setEnvAction.bind(null, slug)} testId="set-env" submitLabel="Save">
          <label className="text-sm font-medium">
            Key
            <input
              name="key"
              required
              placeholder="STRIPE_KEY"
              data-testid="env-key"
              className={`${inputClass} font-mono`}
            />
          </label>
          <label className="text-sm font-medium">
            Value
            <input
              name="value"
              data-testid="env-value-input"
              autoComplete="off"
              className={`${inputClass} font-mono`}
            />
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="secret" data-testid="env-secret" /> Secret (write-only)
          </label>
        </ActionForm>
      </section>
    </ProjectPageShell>
  );
}

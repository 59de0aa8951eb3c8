import { ActionForm, inputClass } from "@/components/action-form";
import { AppHeader } from "@/components/app-header";
import { DataTable } from "@/components/data-table";
import { pageQueryFrom } from "@/lib/api/pagination";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listPats } from "@/lib/tokens/list-pats";
import { createPatAction, revokePatAction } from "./actions";

export const dynamic = "force-dynamic";

const when = (iso: string | null, none: string) => (iso ? new Date(iso).toUTCString() : none);

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await getPageContextOrRedirect();
  const tokens = await listPats({ ctx, page: pageQueryFrom(`http://x/?${new URLSearchParams(await searchParams)}`) });
  return (
    <>
      <AppHeader email={ctx.email} />
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="page-title">
          Personal access tokens
        </h1>
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <ActionForm action={createPatAction} testId="create-pat" submitLabel="Create token">
            <label className="text-sm font-medium">
              Name
              <input name="name" required placeholder="ci deploys" data-testid="pat-name" className={inputClass} />
            </label>
            <label className="text-sm font-medium">
              Expires in
              <input
                name="expiresIn"
                placeholder="30d (empty: never)"
                data-testid="pat-expires"
                className={inputClass}
              />
            </label>
          </ActionForm>
        </section>
        <DataTable
          testId="pats"
          columns={["Name", "Prefix", "Created", "Last used", "Expires", "Revoked", ""]}
          empty="No tokens yet."
          rows={tokens.data.map((t) => ({
            key: t.id,
            cells: [
              t.name,
              <code key="p">{t.prefix}…</code>,
              when(t.createdAt, ""),
              when(t.lastUsedAt, "never"),
              when(t.expiresAt, "never"),
              <span key="r" data-testid="pat-revoked">
                {when(t.revokedAt, "—")}
              </span>,
              t.revokedAt ? null : (
                <ActionForm key="x" action={revokePatAction} testId={`revoke-${t.name}`} submitLabel="Revoke">
                  <input type="hidden" name="id" value={t.id} />
                </ActionForm>
              ),
            ],
          }))}
        />
      </main>
    </>
  );
}

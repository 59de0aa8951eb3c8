import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { AuditTable } from "@/components/audit-table";
import { Pager } from "@/components/pager";
import { isFluxError } from "@/lib/api/errors";
import { pageQueryFrom } from "@/lib/api/pagination";
import { listPlatformAudit } from "@/lib/audit/list-platform-audit";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";

export const dynamic = "force-dynamic";

/** The platform-wide audit log; the verb refuses non-admins, and they get a 404 page. */
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await getPageContextOrRedirect();
  const page = pageQueryFrom(`http://x/?${new URLSearchParams(await searchParams)}`);
  const entries = await listPlatformAudit({ ctx, page }).catch((err: unknown) => {
    if (isFluxError(err) && err.code === "forbidden") notFound();
    throw err;
  });
  return (
    <>
      <AppHeader email={ctx.email} />
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="page-title">
          Platform audit log
        </h1>
        <AuditTable entries={entries.data} />
        <Pager page={entries.page} basePath="/admin/audit" />
      </main>
    </>
  );
}

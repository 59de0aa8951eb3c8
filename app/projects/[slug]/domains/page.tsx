import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { AddDomainForm, DomainRowActions } from "@/components/domain-forms";
import { StatusBadge } from "@/components/status-badge";
import { isFluxError } from "@/lib/api/errors";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { listDomains } from "@/lib/domains/list-domains";
import { addDomainAction, removeDomainAction, verifyDomainAction } from "./actions";

export const dynamic = "force-dynamic";

/** A project's custom domains: add one, publish the TXT record shown, verify, remove. */
export default async function DomainsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const domains = await listDomains({ ctx, slug }).catch((err: unknown) => {
    if (isFluxError(err) && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <>
      <AppHeader email={ctx.email} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <Link href={`/projects/${encodeURIComponent(slug)}`} className="text-sm text-indigo-700 hover:underline">
          ← {slug}
        </Link>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Custom domains</h1>
          <p className="text-sm text-slate-500">
            A domain routes to this project once a DNS TXT record proves you control it. Point the hostname at the
            gateway (CNAME or A record) as well.
          </p>
        </div>
        <AddDomainForm slug={slug} action={addDomainAction} />
        {domains.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-domains">
            No custom domains yet.
          </p>
        ) : (
          <ul
            className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm"
            data-testid="domain-list"
          >
            {domains.map((domain) => (
              <li
                key={domain.hostname}
                data-testid="domain-row"
                data-hostname={domain.hostname}
                className="space-y-3 px-5 py-4 text-sm"
              >
                <div className="flex items-center justify-between gap-4">
                  <span className="font-mono" data-testid="domain-hostname">
                    {domain.displayName}
                  </span>
                  <StatusBadge status={domain.status} testId="domain-status" />
                </div>
                {domain.status === "pending" ? (
                  <div className="rounded-md bg-slate-50 p-3 font-mono text-xs leading-5">
                    <div>Create this DNS record, then press Verify:</div>
                    <div>
                      <span className="text-slate-500">name </span>
                      <span data-testid="txt-name">{domain.verification.name}</span>
                    </div>
                    <div>
                      <span className="text-slate-500">type </span>TXT
                    </div>
                    <div>
                      <span className="text-slate-500">value </span>
                      <span data-testid="txt-value">{domain.verification.value}</span>
                    </div>
                  </div>
                ) : null}
                <DomainRowActions
                  slug={slug}
                  hostname={domain.hostname}
                  verified={domain.status === "verified"}
                  verify={verifyDomainAction}
                  remove={removeDomainAction}
                />
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}

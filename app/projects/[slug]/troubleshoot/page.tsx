import Link from "next/link";
import { DiagnoseForm } from "@/components/diagnose-form";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { loadProjectOrNotFound } from "../load-project";
import { ProjectPageShell } from "@/components/project-page-shell";
import { diagnoseAction } from "./actions";

export const dynamic = "force-dynamic";

/** Troubleshoot: diagnose a failing request (the same checks as `flux diagnose`). */
export default async function TroubleshootPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { slug } = await params;
  const { requestId } = await searchParams;
  const ctx = await getPageContextOrRedirect();
  await loadProjectOrNotFound(ctx, slug);
  return (
    <ProjectPageShell slug={slug} email={ctx.email} title="Troubleshoot">
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold">Diagnose a failing request</h2>
        <p className="text-sm text-slate-500">
          Walks routing → gateway auth → rate limit → schema → privileges → RLS and names the first layer that refuses,
          with the fix for this project. Nothing is written; the token is checked and forgotten. See also the{" "}
          <Link href="/troubleshooting" className="text-indigo-700 hover:underline">
            troubleshooting guide
          </Link>
          .
        </p>
        <DiagnoseForm action={diagnoseAction.bind(null, slug)} initialRequestId={requestId} />
      </section>
    </ProjectPageShell>
  );
}

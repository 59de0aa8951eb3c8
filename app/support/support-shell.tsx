import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { isFluxError } from "@/lib/api/errors";

/** Header and title of the support pages. */
export function SupportShell({ email, title, children }: { email: string | null; title: string; children: ReactNode }) {
  return (
    <>
      <AppHeader email={email} />
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">
        <Link href="/support" className="text-sm text-indigo-700 hover:underline">
          ← Support
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="page-title">
          {title}
        </h1>
        {children}
      </main>
    </>
  );
}

/** Non-staff see the support pages as absent, like the admin audit page. */
export function notFoundUnlessStaff(err: unknown): never {
  if (isFluxError(err) && (err.code === "forbidden" || err.code === "not_found")) notFound();
  throw err;
}

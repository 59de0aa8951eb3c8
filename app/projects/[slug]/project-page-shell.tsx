import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { ProjectNav } from "@/components/project-nav";
import { isFluxError } from "@/lib/api/errors";

/** Header, back link, title and tabs shared by a project's sub-pages. */
export function ProjectPageShell({ slug, email, title, children }: { slug: string; email: string | null; title: string; children: ReactNode }) {
  return (
    <>
      <AppHeader email={email} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <Link href="/projects" className="text-sm text-indigo-700 hover:underline">← All projects</Link>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="page-title">{slug}: {title}</h1>
        <ProjectNav slug={slug} />
        {children}
      </main>
    </>
  );
}

/** A project the actor may not see is a plain 404 page, like the API's not-found. */
export function notFoundOnDenied(err: unknown): never {
  if (isFluxError(err) && err.code === "not_found") notFound();
  throw err;
}

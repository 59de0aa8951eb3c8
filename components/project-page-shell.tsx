import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isFluxError } from "@/lib/api/errors";
import { AppHeader } from "./app-header";
import { ProjectNav } from "./project-nav";

/**
 * Header, back link, project slug and tabs shared by every page of one project. `name` shows the project's name
 * under the slug; `title` names the tab's page (Members, Migrations, …) when the page does not load the project row.
 */
export function ProjectPageShell({
  email,
  slug,
  name,
  title,
  children,
}: {
  email: string | null;
  slug: string;
  name?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader email={email} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <Link href="/projects" className="text-sm text-indigo-700 hover:underline">
          ← All projects
        </Link>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-slug">
            {slug}
          </h1>
          {name ? <p className="text-sm text-slate-500">{name}</p> : null}
          {title ? (
            <p className="text-lg font-medium text-slate-700" data-testid="page-title">
              {title}
            </p>
          ) : null}
        </div>
        <ProjectNav slug={slug} />
        {children}
      </main>
    </>
  );
}

/** A titled white card inside a project page. */
export function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A project the actor may not see is a plain 404 page, like the API's not-found. */
export function notFoundOnDenied(err: unknown): never {
  if (isFluxError(err) && err.code === "not_found") notFound();
  throw err;
}

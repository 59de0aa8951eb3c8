import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "./app-header";
import { ProjectNav } from "./project-nav";

/** Header, back link, project title and tabs shared by every page of one project. */
export function ProjectPageShell({ email, slug, name, children }: { email: string | null; slug: string; name: string; children: ReactNode }) {
  return (
    <>
      <AppHeader email={email} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <Link href="/projects" className="text-sm text-indigo-700 hover:underline">← All projects</Link>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-slug">{slug}</h1>
          <p className="text-sm text-slate-500">{name}</p>
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

import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { CreateProjectForm } from "@/components/create-project-form";
import { ProjectTable } from "@/components/project-table";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { isPlatformStaff } from "@/lib/context";
import { listProjectsForActor } from "@/lib/projects/list-projects-for-actor";
import { toProjectResponse } from "@/lib/projects/to-project-response";
import { createProjectAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ProjectsPage() {
  const ctx = await getPageContextOrRedirect();
  const projects = (await listProjectsForActor({ ctx })).map((row) => toProjectResponse(row, ctx.config));
  return (
    <>
      <AppHeader email={ctx.email} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
          {isPlatformStaff(ctx.actor) ? (
            <Link href="/support" className="text-sm text-indigo-700 hover:underline" data-testid="support-link">
              Support views
            </Link>
          ) : null}
        </div>
        <CreateProjectForm action={createProjectAction} />
        <ProjectTable projects={projects} />
      </main>
    </>
  );
}

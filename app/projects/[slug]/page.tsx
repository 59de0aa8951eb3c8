import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/app-header";
import { DetailList } from "@/components/detail-list";
import { ProjectNav } from "@/components/project-nav";
import { StatusBadge } from "@/components/status-badge";
import { isFluxError } from "@/lib/api/errors";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { getProjectForActorOrThrow } from "@/lib/projects/get-project-for-actor-or-throw";
import { toProjectResponse } from "@/lib/projects/to-project-response";

export const dynamic = "force-dynamic";

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const access = await getProjectForActorOrThrow(ctx, slug).catch((err: unknown) => {
    if (isFluxError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const project = toProjectResponse(access.project, ctx.config);
  return (
    <>
      <AppHeader email={ctx.email} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-8">
        <Link href="/projects" className="text-sm text-indigo-700 hover:underline">← All projects</Link>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-slug">{project.slug}</h1>
          <p className="text-sm text-slate-500">{project.name}</p>
        </div>
        <ProjectNav slug={project.slug} />
        <DetailList
          items={[
            { label: "Service URL", value: project.serviceUrl, testId: "service-url", mono: true },
            { label: "Mode", value: project.mode, testId: "project-mode" },
            { label: "Plan", value: project.plan, testId: "project-plan" },
            { label: "Status", value: <StatusBadge status={project.status} />, testId: "project-status" },
            { label: "Schema", value: project.schema, testId: "project-schema", mono: true },
            { label: "Database role", value: project.role, testId: "project-role", mono: true },
            { label: "Created", value: new Date(project.createdAt).toUTCString(), testId: "project-created" },
          ]}
        />
      </main>
    </>
  );
}

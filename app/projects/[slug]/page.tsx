import { AdvisorsPanel } from "@/components/advisors-panel";
import { DetailList } from "@/components/detail-list";
import { StatusBadge } from "@/components/status-badge";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { ProjectPageShell } from "@/components/project-page-shell";
import { toProjectResponse } from "@/lib/projects/to-project-response";
import { dismissAdvisorAction } from "./advisor-actions";
import { loadAdvisors } from "./load-advisors";
import { loadProjectOrNotFound } from "./load-project";

export const dynamic = "force-dynamic";

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContextOrRedirect();
  const access = await loadProjectOrNotFound(ctx, slug);
  const project = toProjectResponse(access.project, ctx.config);
  const advisors = await loadAdvisors(ctx, slug);
  const mayDismiss = access.memberRole === "owner" || access.memberRole === "developer";
  return (
    <ProjectPageShell email={ctx.email} slug={project.slug} name={project.name}>
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
      <AdvisorsPanel findings={advisors} dismiss={mayDismiss ? dismissAdvisorAction.bind(null, slug) : undefined} />
    </ProjectPageShell>
  );
}

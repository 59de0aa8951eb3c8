import Link from "next/link";
import type { ProjectResponse } from "@/lib/projects/to-project-response";
import { StatusBadge } from "./status-badge";

/** The signed-in user's projects; each slug links to its detail page. */
export function ProjectTable({ projects }: { projects: ProjectResponse[] }) {
  if (projects.length === 0) {
    return (
      <p
        className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500"
        data-testid="no-projects"
      >
        No projects yet. Create one above.
      </p>
    );
  }
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Slug</th>
            <th className="px-4 py-2 font-medium">Plan</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Service URL</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {projects.map((project) => (
            <tr key={project.tenantId} data-testid="project-row" data-slug={project.slug}>
              <td className="px-4 py-2 font-medium">
                <Link href={`/projects/${project.slug}`} className="text-indigo-700 hover:underline">
                  {project.slug}
                </Link>
              </td>
              <td className="px-4 py-2">{project.plan}</td>
              <td className="px-4 py-2">
                <StatusBadge status={project.status} />
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-600">{project.serviceUrl}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

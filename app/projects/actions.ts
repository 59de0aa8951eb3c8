"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isFluxError } from "@/lib/api/errors";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { createProject } from "@/lib/projects/create-project";
import type { CreateProjectState } from "@/components/create-project-form";

/** The dashboard's "New project" form: the same verb as POST /api/v1/projects, errors shown inline. */
export async function createProjectAction(_previous: CreateProjectState, form: FormData): Promise<CreateProjectState> {
  const ctx = await getPageContextOrRedirect();
  const slug = String(form.get("slug") ?? "");
  const plan = String(form.get("plan") ?? "");
  let created: string;
  try {
    // The verb validates plan against its enum; the cast only satisfies the input type.
    const project = await createProject({ ctx, input: { slug, plan: plan as "free" } });
    revalidatePath("/projects");
    created = project.slug;
  } catch (err) {
    if (isFluxError(err) && err.status < 500) return { error: err.message, created: null };
    console.error(
      JSON.stringify({ level: "error", msg: "create project failed", requestId: ctx.requestId, err: String(err) }),
    );
    return {
      error: `Creating the project failed; quote request id ${ctx.requestId} when you report it.`,
      created: null,
    };
  }
  // A new project opens on its own page: Service URL, schema and role are what the owner needs next.
  redirect(`/projects/${encodeURIComponent(created)}`);
}

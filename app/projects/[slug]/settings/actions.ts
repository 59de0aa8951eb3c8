"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/action-form";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { changeProjectPlan } from "@/lib/projects/change-project-plan";
import { renameProject } from "@/lib/projects/rename-project";
import { setProjectSuspended } from "@/lib/projects/set-project-suspended";
import { actionErrorMessage } from "../../action-error";

/** The settings page's forms: the same verbs as /api/v1/projects/[slug]/{rename,plan,suspend,resume}. */
export async function renameProjectAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  let renamed: string;
  try {
    renamed = (await renameProject({ ctx, slug, input: { slug: String(form.get("slug") ?? "") } })).slug;
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Renaming the project"), message: null };
  }
  revalidatePath("/projects");
  redirect(`/projects/${encodeURIComponent(renamed)}/settings`);
}

export async function changePlanAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    // The verb validates plan against its enum; the cast only satisfies the input type.
    const project = await changeProjectPlan({ ctx, slug, input: { plan: String(form.get("plan") ?? "") as "free" } });
    revalidatePath(`/projects/${encodeURIComponent(slug)}`, "layout");
    return { error: null, message: `Plan is now ${project.plan}.` };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Changing the plan"), message: null };
  }
}

export async function setSuspendedAction(
  slug: string,
  suspended: boolean,
  _state: ActionState,
  _form: FormData,
): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    const project = await setProjectSuspended({ ctx, slug, suspended });
    revalidatePath(`/projects/${encodeURIComponent(slug)}`, "layout");
    return { error: null, message: `Project is ${project.status}.` };
  } catch (err) {
    return {
      error: actionErrorMessage(err, ctx.requestId, suspended ? "Suspending the project" : "Resuming the project"),
      message: null,
    };
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/action-form";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { createBackup } from "@/lib/backups/create-backup";
import { parseBackupRef } from "@/lib/backups/inputs";
import { verifyBackup } from "@/lib/backups/verify-backup";
import { nukeProject } from "@/lib/projects/nuke-project";
import { actionErrorMessage } from "../../action-error";

/** The backups page's forms: the same verbs as /api/v1/projects/[slug]/backups and DELETE /projects/[slug]. */
export async function createBackupAction(slug: string, _state: ActionState, _form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    const { row, tier } = await createBackup({ ctx, slug, label: "dashboard" });
    revalidatePath(`/projects/${encodeURIComponent(slug)}/backups`);
    return { error: null, message: `Created ${row.id}: ${tier}.` };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Creating the backup"), message: null };
  }
}

export async function verifyBackupAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    const outcome = await verifyBackup({ ctx, slug, ref: parseBackupRef(String(form.get("id") ?? "latest")) });
    revalidatePath(`/projects/${encodeURIComponent(slug)}/backups`);
    const problems = outcome.problems.length > 0 ? ` ${outcome.problems.join("; ")}` : "";
    return outcome.tier === "restorable"
      ? { error: null, message: `${outcome.row.id} is restorable.` }
      : { error: `${outcome.row.id} is ${outcome.tier}.${problems}`, message: null };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Verifying the backup"), message: null };
  }
}

/** The danger zone: the slug must be typed; the backup gate applies unless the box is ticked. */
export async function nukeProjectAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  const typed = String(form.get("confirm") ?? "").trim();
  if (typed !== slug)
    return { error: `Type the project slug (${slug}) to confirm; nothing was deleted.`, message: null };
  try {
    await nukeProject({ ctx, slug, skipBackupCheck: form.get("skipBackupCheck") === "on" });
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Deleting the project"), message: null };
  }
  revalidatePath("/projects");
  redirect("/projects");
}

"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/action-form";
import type { RevealState } from "@/components/reveal-secret";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { endSecretGrace } from "@/lib/project-keys/end-secret-grace";
import { revealProjectSecret } from "@/lib/project-keys/reveal-project-secret";
import { rotateProjectSecret } from "@/lib/project-keys/rotate-project-secret";
import { actionErrorMessage } from "../../action-error";

/** The keys page's forms: the same verbs as /api/v1/projects/[slug]/{secret,keys/rotate,keys/end-grace}. */
export async function revealSecretAction(slug: string, _state: RevealState, _form: FormData): Promise<RevealState> {
  const ctx = await getPageContextOrRedirect();
  try {
    return { error: null, secret: (await revealProjectSecret({ ctx, slug })).secret };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Revealing the secret"), secret: null };
  }
}

export async function rotateSecretAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  const grace = String(form.get("grace") ?? "").trim();
  try {
    const rotation = await rotateProjectSecret({ ctx, slug, input: grace === "" ? {} : { grace } });
    revalidatePath(`/projects/${encodeURIComponent(slug)}/keys`);
    return {
      error: null,
      message: `Rotated. The previous secret is accepted until ${new Date(rotation.graceEndsAt).toUTCString()}.`,
    };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Rotating the secret"), message: null };
  }
}

export async function endGraceAction(slug: string, _state: ActionState, _form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    await endSecretGrace({ ctx, slug });
    revalidatePath(`/projects/${encodeURIComponent(slug)}/keys`);
    return { error: null, message: "Grace ended: the previous secret is refused from now on." };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Ending the grace"), message: null };
  }
}

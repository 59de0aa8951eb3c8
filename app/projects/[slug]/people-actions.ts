"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/action-form";
import { setEnv } from "@/lib/env/set-env";
import { unsetEnv } from "@/lib/env/unset-env";
import { runPageAction } from "@/lib/auth/run-page-action";
import { addMember } from "@/lib/members/add-member";
import { removeMember } from "@/lib/members/remove-member";

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Dashboard forms of the members and env pages: the same verbs as the API, so the same checks. */
export async function addMemberAction(slug: string, _s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    // The verb validates role against its enum; the cast only satisfies the input type.
    const member = await addMember({
      ctx,
      slug,
      input: { email: field(form, "email"), role: field(form, "role") as "viewer" },
    });
    revalidatePath(`/projects/${slug}/members`);
    return { message: `${member.email} is now ${member.role}.` };
  });
}

export async function removeMemberAction(slug: string, _s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    const removed = await removeMember({ ctx, slug, input: { email: field(form, "email") } });
    revalidatePath(`/projects/${slug}/members`);
    return { message: `${removed.email} removed.` };
  });
}

export async function setEnvAction(slug: string, _s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    const saved = await setEnv({
      ctx,
      slug,
      input: { key: field(form, "key"), value: field(form, "value"), secret: form.get("secret") === "on" },
    });
    revalidatePath(`/projects/${slug}/env`);
    return { message: `${saved.key} saved${saved.secret ? " as a secret" : ""}.` };
  });
}

export async function unsetEnvAction(slug: string, _s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    const removed = await unsetEnv({ ctx, slug, key: field(form, "key") });
    revalidatePath(`/projects/${slug}/env`);
    return { message: `${removed.key} removed.` };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/action-form";
import { dismissAdvisorFinding } from "@/lib/advisors/dismiss-advisor-finding";
import { runPageAction } from "@/lib/auth/run-page-action";

/** The advisors panel's Dismiss button: the same verb as POST /api/v1/projects/[slug]/advisors/dismissals. */
export async function dismissAdvisorAction(slug: string, _s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    const { key } = await dismissAdvisorFinding({ ctx, slug, input: { key: String(form.get("key") ?? "") } });
    revalidatePath(`/projects/${slug}`);
    return { message: `Dismissed ${key}.` };
  });
}

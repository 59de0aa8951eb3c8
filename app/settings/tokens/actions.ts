"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/action-form";
import { runPageAction } from "@/lib/auth/run-page-action";
import { createNamedPat } from "@/lib/tokens/create-named-pat";
import { revokePat } from "@/lib/tokens/revoke-pat";

/** The token appears once, in this answer, and never again. */
export async function createPatAction(_s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    const expiresIn = String(form.get("expiresIn") ?? "").trim();
    const created = await createNamedPat({
      ctx,
      input: { name: String(form.get("name") ?? ""), ...(expiresIn ? { expiresIn } : {}) },
    });
    revalidatePath("/settings/tokens");
    return { message: `Created ${created.id}. Copy the token now; it is not shown again.`, reveal: created.token };
  });
}

export async function revokePatAction(_s: ActionState, form: FormData): Promise<ActionState> {
  return runPageAction(async (ctx) => {
    const revoked = await revokePat({ ctx, id: String(form.get("id") ?? "") });
    revalidatePath("/settings/tokens");
    return { message: `${revoked.id} revoked.` };
  });
}

"use server";

import type { ActionState } from "@/components/action-form";
import type { RevealState } from "@/components/reveal-secret";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { revealProjectSecret } from "@/lib/project-keys/reveal-project-secret";
import { issueProjectToken } from "@/lib/projects/issue-project-token";
import { actionErrorMessage } from "../../action-error";

/** Fills the snippets in for an owner: the same audited verb as GET /api/v1/projects/[slug]/secret. */
export async function fillSecretAction(slug: string, _state: RevealState, _form: FormData): Promise<RevealState> {
  const ctx = await getPageContextOrRedirect();
  try {
    return { error: null, secret: (await revealProjectSecret({ ctx, slug })).secret };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Revealing the secret"), secret: null };
  }
}

/** "Mint a test token": the same verb as POST /api/v1/projects/[slug]/tokens (`flux token create`). */
export async function mintTestTokenAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  const field = (name: string) => String(form.get(name) ?? "").trim();
  try {
    const sub = field("sub");
    const minted = await issueProjectToken({
      ctx,
      slug,
      input: { role: field("role") || "authenticated", expiresIn: field("expiresIn") || "1h", ...(sub ? { sub } : {}) },
    });
    return { error: null, message: `A ${minted.role} token, valid until ${minted.expiresAt.toUTCString()}:`, reveal: minted.token };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Minting the token"), message: null };
  }
}

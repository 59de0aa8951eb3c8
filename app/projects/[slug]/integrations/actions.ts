"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/action-form";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { addIssuer } from "@/lib/issuers/add-issuer";
import { removeIssuer } from "@/lib/issuers/remove-issuer";
import { issueProjectToken } from "@/lib/projects/issue-project-token";
import { actionErrorMessage } from "../../action-error";

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
    return {
      error: null,
      message: `A ${minted.role} token, valid until ${minted.expiresAt.toUTCString()}:`,
      reveal: minted.token,
    };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Minting the token"), message: null };
  }
}

/** Trust an issuer: the same verb as POST /api/v1/projects/[slug]/issuers (`flux issuers add`). */
export async function addIssuerAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  const field = (name: string) => String(form.get(name) ?? "").trim();
  try {
    const audience = field("audience");
    const added = await addIssuer({
      ctx,
      slug,
      input: { issuer: field("issuer"), jwksUrl: field("jwksUrl"), ...(audience ? { audience } : {}) },
    });
    revalidatePath(`/projects/${encodeURIComponent(slug)}/integrations`);
    return { error: null, message: `Trusting ${added.issuer}: the gateway fetches its keys on the first token.` };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Adding the issuer"), message: null };
  }
}

/** Stop trusting an issuer: the same verb as DELETE /api/v1/projects/[slug]/issuers (`flux issuers remove`). */
export async function removeIssuerAction(slug: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await getPageContextOrRedirect();
  try {
    const removed = await removeIssuer({ ctx, slug, input: { issuer: String(form.get("issuer") ?? "") } });
    revalidatePath(`/projects/${encodeURIComponent(slug)}/integrations`);
    return { error: null, message: `No longer trusting ${removed.issuer}.` };
  } catch (err) {
    return { error: actionErrorMessage(err, ctx.requestId, "Removing the issuer"), message: null };
  }
}

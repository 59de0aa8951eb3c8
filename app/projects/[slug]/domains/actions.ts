"use server";

import { revalidatePath } from "next/cache";
import { isFluxError } from "@/lib/api/errors";
import { getPageContextOrRedirect } from "@/lib/auth/page-context";
import { addDomain } from "@/lib/domains/add-domain";
import { removeDomain } from "@/lib/domains/remove-domain";
import { verifyDomain } from "@/lib/domains/verify-domain";
import type { DomainActionState } from "@/components/domain-forms";

/** The dashboard's domain forms call the same verbs as /api/v1/projects/[slug]/domains; errors show inline. */
export async function addDomainAction(_previous: DomainActionState, form: FormData): Promise<DomainActionState> {
  return run(form, (ctx, slug) => addDomain({ ctx, slug, input: { hostname: String(form.get("hostname") ?? "") } }));
}

export async function verifyDomainAction(_previous: DomainActionState, form: FormData): Promise<DomainActionState> {
  return run(form, (ctx, slug) => verifyDomain({ ctx, slug, hostname: String(form.get("hostname") ?? "") }));
}

export async function removeDomainAction(_previous: DomainActionState, form: FormData): Promise<DomainActionState> {
  return run(form, (ctx, slug) => removeDomain({ ctx, slug, hostname: String(form.get("hostname") ?? "") }));
}

type PageCtx = Awaited<ReturnType<typeof getPageContextOrRedirect>>;

async function run(form: FormData, verb: (ctx: PageCtx, slug: string) => Promise<unknown>): Promise<DomainActionState> {
  const ctx = await getPageContextOrRedirect();
  const slug = String(form.get("slug") ?? "");
  try {
    await verb(ctx, slug);
  } catch (err) {
    if (isFluxError(err) && err.code !== "internal") return { error: err.message };
    console.error(
      JSON.stringify({ level: "error", msg: "domain action failed", requestId: ctx.requestId, err: String(err) }),
    );
    return { error: `That failed on our side; quote request id ${ctx.requestId} when you report it.` };
  }
  revalidatePath(`/projects/${encodeURIComponent(slug)}/domains`);
  return { error: null };
}

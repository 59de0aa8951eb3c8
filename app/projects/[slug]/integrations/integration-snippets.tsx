"use client";

import { useActionState } from "react";
import { CopyBlock } from "@/components/copy-block";
import { FormError } from "@/components/form-error";
import type { RevealState } from "@/components/reveal-secret";
import { authJsSnippets, clerkSnippets } from "@/lib/integrations";

/**
 * The Clerk and Auth.js snippets, filled in. The secret is never part of the page: an owner fills it in on
 * request (the reveal is audited, like on the JWT keys page); everyone else sees a placeholder.
 */
export function IntegrationSnippets({
  serviceUrl,
  isOwner,
  reveal,
}: {
  serviceUrl: string;
  isOwner: boolean;
  reveal: (state: RevealState, form: FormData) => Promise<RevealState>;
}) {
  const [state, submit, pending] = useActionState(reveal, { error: null, secret: null });
  const clerk = clerkSnippets({ serviceUrl, secret: state.secret });
  const authJs = authJsSnippets({ serviceUrl, secret: state.secret });
  return (
    <div className="space-y-6">
      {isOwner && !state.secret ? (
        <form action={submit} className="flex items-center gap-3" data-testid="fill-secret-form">
          <button
            type="submit"
            disabled={pending}
            data-testid="fill-secret"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
          >
            {pending ? "Revealing…" : "Fill in the project secret"}
          </button>
          <span className="text-xs text-slate-500">Owners only; the reveal is recorded in the audit log.</span>
          <FormError message={state.error} testId="fill-secret-error" />
        </form>
      ) : null}
      {!isOwner ? (
        <p className="text-xs text-slate-500" data-testid="secret-placeholder-note">
          The project secret is shown to owners only; ask one to fill it in.
        </p>
      ) : null}

      <section className="space-y-3" data-testid="clerk-section">
        <h3 className="text-sm font-semibold">Clerk: JWT template</h3>
        <p className="text-sm text-slate-600">
          Clerk dashboard → JWT templates → New template. Clerk adds <code>sub</code> (the user id) and <code>exp</code>{" "}
          itself.
        </p>
        <CopyBlock title="Claims" text={clerk.claims} testId="clerk-claims" />
        <CopyBlock title="Template settings" text={clerk.settings} testId="clerk-settings" />
        <CopyBlock title="In your app" text={clerk.client} testId="clerk-client" />
      </section>

      <section className="space-y-3" data-testid="authjs-section">
        <h3 className="text-sm font-semibold">Auth.js (next-auth): a route that mints Flux tokens</h3>
        <CopyBlock title=".env.local" text={authJs.env} testId="authjs-env" />
        <CopyBlock title="lib/flux-token.mjs" text={authJs.mintModule} testId="authjs-mint" />
        <CopyBlock title="app/api/flux-token/route.ts" text={authJs.route} testId="authjs-route" />
      </section>
    </div>
  );
}

"use client";

import { useActionState, useState } from "react";
import { FormError } from "./form-error";

export type RevealState = { error: string | null; secret: string | null };

/** Two steps on purpose: the reveal is audited, so the owner confirms before the secret is fetched. */
export function RevealSecret({ action }: { action: (state: RevealState, form: FormData) => Promise<RevealState> }) {
  const [confirming, setConfirming] = useState(false);
  const [state, submit, pending] = useActionState(action, { error: null, secret: null });
  if (state.secret) {
    return (
      <div className="space-y-2">
        <code
          data-testid="revealed-secret"
          className="block break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100"
        >
          {state.secret}
        </code>
        <p className="text-xs text-slate-500">
          Treat it like a password: anyone holding it can mint tokens for this project.
        </p>
      </div>
    );
  }
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        data-testid="reveal-secret"
        className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
      >
        Reveal secret
      </button>
    );
  }
  return (
    <form action={submit} className="space-y-2" data-testid="reveal-secret-confirm-form">
      <p className="text-sm text-slate-700">The reveal is recorded in the project&apos;s audit log. Show the secret?</p>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          data-testid="reveal-secret-confirm"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {pending ? "Revealing…" : "Yes, reveal it"}
        </button>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm"
        >
          Cancel
        </button>
      </div>
      <FormError message={state.error} testId="reveal-secret-error" />
    </form>
  );
}

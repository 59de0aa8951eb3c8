"use client";

import { useActionState } from "react";
import { FormError } from "./form-error";

export type DomainActionState = { error: string | null };
type Action = (state: DomainActionState, form: FormData) => Promise<DomainActionState>;

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60";

/** "Add a custom domain": one hostname, submitted to a server action; the refusal is shown under the form. */
export function AddDomainForm({ slug, action }: { slug: string; action: Action }) {
  const [state, submit, pending] = useActionState(action, { error: null });
  return (
    <form
      action={submit}
      data-testid="add-domain-form"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 className="text-base font-semibold">Add a custom domain</h2>
      <input type="hidden" name="slug" value={slug} />
      <div className="mt-4 flex gap-3">
        <label className="flex-1 text-sm font-medium">
          Hostname
          <input
            name="hostname"
            required
            placeholder="api.example.com"
            data-testid="domain-input"
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          data-testid="add-domain-submit"
          className={`${button} self-end bg-indigo-600 text-white hover:bg-indigo-500`}
        >
          {pending ? "Adding…" : "Add domain"}
        </button>
      </div>
      <div className="mt-3">
        <FormError message={state.error} testId="add-domain-error" />
      </div>
    </form>
  );
}

/** Verify / Remove for one domain; each shows its own refusal (a missing TXT record, a role that may not). */
export function DomainRowActions({
  slug,
  hostname,
  verified,
  verify,
  remove,
}: {
  slug: string;
  hostname: string;
  verified: boolean;
  verify: Action;
  remove: Action;
}) {
  const [verifyState, submitVerify, verifying] = useActionState(verify, { error: null });
  const [removeState, submitRemove, removing] = useActionState(remove, { error: null });
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        {verified ? null : (
          <form action={submitVerify}>
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="hostname" value={hostname} />
            <button
              type="submit"
              disabled={verifying}
              data-testid="verify-domain"
              className={`${button} bg-indigo-600 text-white hover:bg-indigo-500`}
            >
              {verifying ? "Checking DNS…" : "Verify"}
            </button>
          </form>
        )}
        <form action={submitRemove}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="hostname" value={hostname} />
          <button
            type="submit"
            disabled={removing}
            data-testid="remove-domain"
            className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}
          >
            {removing ? "Removing…" : "Remove"}
          </button>
        </form>
      </div>
      <FormError message={verifyState.error ?? removeState.error} testId="domain-error" />
    </div>
  );
}

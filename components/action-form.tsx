"use client";

import { useActionState, type ReactNode } from "react";
import { FormError } from "./form-error";

export type ActionState = { error: string | null; message: string | null; reveal?: string | null };

/**
 * A form posted to a server action that calls one domain verb; the verb's error (or a success line, or a
 * value shown once such as a new token) appears under the form.
 */
export function ActionForm({ action, testId, submitLabel, children }: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  testId: string;
  submitLabel: string;
  children: ReactNode;
}) {
  const [state, submit, pending] = useActionState(action, { error: null, message: null });
  return (
    <form action={submit} data-testid={testId} className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <button type="submit" disabled={pending} data-testid={`${testId}-submit`}
          className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
          {submitLabel}
        </button>
      </div>
      <FormError message={state.error} testId={`${testId}-error`} />
      {state.message ? <p className="text-sm text-green-700" data-testid={`${testId}-message`}>{state.message}</p> : null}
      {state.reveal ? (
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-white" data-testid={`${testId}-reveal`}>{state.reveal}</pre>
      ) : null}
    </form>
  );
}

export const inputClass = "mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none";

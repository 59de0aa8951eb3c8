"use client";

import { useActionState, type ReactNode } from "react";
import { FormError } from "./form-error";

/** What a server action answers: an error, a success line, or a value shown once (a new token). */
export type ActionState = { error: string | null; message: string | null; reveal?: string | null };

/**
 * A form bound to one server action that calls one domain verb, showing its error, success line or one-time
 * value inline. `confirmText` asks the browser to confirm first (suspend, end grace): these change what clients
 * of the project see at once.
 */
export function ActionForm({
  action,
  testId,
  submitLabel,
  confirmText,
  danger,
  children,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  testId: string;
  submitLabel: string;
  confirmText?: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const [state, submit, pending] = useActionState(action, { error: null, message: null });
  return (
    <form
      action={submit}
      data-testid={testId}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
      className="space-y-3"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        {children}
        <button
          type="submit"
          disabled={pending}
          data-testid={`${testId}-submit`}
          className={`rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${danger ? "bg-red-600 hover:bg-red-500" : "bg-indigo-600 hover:bg-indigo-500"}`}
        >
          {pending ? "Working…" : submitLabel}
        </button>
      </div>
      <FormError message={state.error} testId={`${testId}-error`} />
      {state.message ? (
        <p className="text-sm text-green-700" data-testid={`${testId}-done`}>
          {state.message}
        </p>
      ) : null}
      {state.reveal ? (
        <pre
          className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-white"
          data-testid={`${testId}-reveal`}
        >
          {state.reveal}
        </pre>
      ) : null}
    </form>
  );
}

export const inputClass =
  "mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none";

"use client";

import { useActionState, type ReactNode } from "react";
import { FormError } from "./form-error";

export type ActionState = { error: string | null; message: string | null };

/**
 * A form bound to one server action, showing its error or success message inline. `confirmText` asks the
 * browser to confirm first (suspend, end grace): these change what clients of the project see at once.
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
        <button type="submit" disabled={pending} data-testid={`${testId}-submit`}
          className={`rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${danger ? "bg-red-600 hover:bg-red-500" : "bg-indigo-600 hover:bg-indigo-500"}`}>
          {pending ? "Working…" : submitLabel}
        </button>
      </div>
      <FormError message={state.error} testId={`${testId}-error`} />
      {state.message ? <p className="text-sm text-green-700" data-testid={`${testId}-done`}>{state.message}</p> : null}
    </form>
  );
}

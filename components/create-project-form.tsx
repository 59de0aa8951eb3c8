"use client";

import { useActionState } from "react";
import { FormError } from "./form-error";

export type CreateProjectState = { error: string | null; created: string | null };

const PLANS = [
  { value: "free", label: "Free" },
  { value: "pro", label: "Pro" },
  { value: "enterprise", label: "Enterprise" },
] as const;

/** "New project": slug + plan, submitted to a server action; validation errors are shown under the form. */
export function CreateProjectForm({
  action,
}: {
  action: (state: CreateProjectState, form: FormData) => Promise<CreateProjectState>;
}) {
  const [state, submit, pending] = useActionState(action, { error: null, created: null });
  return (
    <form
      action={submit}
      data-testid="create-project-form"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 className="text-base font-semibold">New project</h2>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className="flex-1 text-sm font-medium">
          Slug
          <input
            name="slug"
            required
            placeholder="my-app"
            data-testid="slug-input"
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
          />
        </label>
        <label className="text-sm font-medium">
          Plan
          <select
            name="plan"
            defaultValue="free"
            data-testid="plan-select"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {PLANS.map((plan) => (
              <option key={plan.value} value={plan.value}>
                {plan.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          data-testid="create-project-submit"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create project"}
        </button>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        3–40 characters: lower-case letters, digits and hyphens, starting with a letter.
      </p>
      <div className="mt-3">
        <FormError message={state.error} testId="create-project-error" />
      </div>
      {state.created ? (
        <p className="mt-3 text-sm text-green-700" data-testid="create-project-created">
          Created {state.created}.
        </p>
      ) : null}
    </form>
  );
}

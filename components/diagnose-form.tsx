"use client";

import { useActionState } from "react";
import { inputClass } from "./action-form";
import { FormError } from "./form-error";

type Diagnosis = { layer: string; code: string | null; evidence: string[]; fix: string[] };
export type DiagnoseState = { error: string | null; diagnosis: Diagnosis | null };

/** The request diagnosis form of a project's Troubleshoot tab; the verdict, evidence and fix show below it. */
export function DiagnoseForm({
  action,
  initialRequestId,
}: {
  action: (state: DiagnoseState, form: FormData) => Promise<DiagnoseState>;
  initialRequestId?: string;
}) {
  const [state, submit, pending] = useActionState(action, { error: null, diagnosis: null });
  const diagnosis = state.diagnosis;
  return (
    <div className="space-y-4">
      <form action={submit} data-testid="diagnose-form" className="space-y-3">
        <label className="block text-sm font-medium">
          Request (<code>GET /notes?select=id</code> or a whole curl command)
          <textarea
            name="request"
            rows={3}
            data-testid="diagnose-request"
            className={`${inputClass} w-full font-mono`}
            placeholder="GET /notes?select=id"
          />
        </label>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="text-sm font-medium">
            Token (not stored)
            <input
              name="token"
              autoComplete="off"
              data-testid="diagnose-token"
              className={`${inputClass} w-full font-mono`}
            />
          </label>
          <label className="text-sm font-medium">
            Host
            <input
              name="host"
              data-testid="diagnose-host"
              className={`${inputClass} w-full font-mono`}
              placeholder="default: the Service URL"
            />
          </label>
          <label className="text-sm font-medium">
            Request id
            <input
              name="requestId"
              defaultValue={initialRequestId}
              data-testid="diagnose-request-id"
              className={`${inputClass} w-full font-mono`}
            />
          </label>
        </div>
        <button
          type="submit"
          disabled={pending}
          data-testid="diagnose-submit"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {pending ? "Checking…" : "Diagnose"}
        </button>
        <FormError message={state.error} testId="diagnose-error" />
      </form>
      {diagnosis ? (
        <section
          data-testid="diagnosis"
          data-layer={diagnosis.layer}
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm"
        >
          <h3 className="text-base font-semibold">
            <span data-testid="diagnosis-layer">{diagnosis.layer}</span>
            {diagnosis.code ? (
              <>
                {" "}
                · <code data-testid="diagnosis-code">{diagnosis.code}</code>
              </>
            ) : null}
          </h3>
          <ul className="list-disc space-y-1 pl-5" data-testid="diagnosis-evidence">
            {diagnosis.evidence.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
          {diagnosis.fix.length > 0 ? (
            <pre
              className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-white"
              data-testid="diagnosis-fix"
            >
              {diagnosis.fix.join("\n")}
            </pre>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

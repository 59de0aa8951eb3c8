"use client";

import { useState } from "react";

/** A snippet to copy as-is: the text in a code block and a button that puts exactly that text on the clipboard. */
export function CopyBlock({ title, text, testId }: { title: string; text: string; testId: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-slate-600">{title}</span>
        <button
          type="button"
          data-testid={`${testId}-copy`}
          onClick={() => {
            navigator.clipboard.writeText(text).then(
              () => setCopied("copied"),
              () => setCopied("failed"),
            );
          }}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
        >
          {copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed: select the text" : "Copy"}
        </button>
      </div>
      <pre
        data-testid={`${testId}-text`}
        className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100"
      >
        {text}
      </pre>
    </div>
  );
}

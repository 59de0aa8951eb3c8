import Link from "next/link";
import { SYMPTOM_CATALOGUE } from "@/lib/troubleshoot/catalogue";

export const dynamic = "force-static";

const LAYER_LABEL: Record<string, string> = {
  routing: "Request routing",
  gateway_auth: "Gateway authentication",
  rate_limit: "Rate limit",
  schema: "Schema or migration state",
  privileges: "Postgres role privileges",
  rls: "Row-level security",
  backup: "Backups",
  edge: "Edge / request limits",
  data_api: "Data API",
  cli: "CLI",
  application: "Application",
};

/**
 * The troubleshooting guide, rendered from the symptom catalogue (lib/troubleshoot/catalogue). Public: error
 * answers of the gateway and the data API link to its anchors. Every error code has its own anchor too.
 */
export default function TroubleshootingGuide() {
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-6 py-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight" data-testid="page-title">
          Troubleshooting
        </h1>
        <p className="text-slate-600">
          Walk the stack top-down: routing → gateway auth → rate limit → schema → privileges → row-level security. The
          first layer that produces your symptom is usually the one to fix. <strong>401</strong>: the gateway refused,
          SQL never ran. <strong>403 / 42501</strong>: the role is not allowed. <strong>Empty array</strong>: the role
          is allowed, RLS filtered everything. Let the assistant find the layer:{" "}
          <code>flux diagnose --project &lt;slug&gt; --request &apos;GET /notes&apos; --token &lt;jwt&gt;</code>, or the
          Troubleshoot tab of your project.
        </p>
        <nav className="flex flex-wrap gap-3 text-sm" data-testid="guide-index">
          {SYMPTOM_CATALOGUE.map((entry) => (
            <a key={entry.id} href={`#${entry.id}`} className="text-indigo-700 hover:underline">
              {entry.title}
            </a>
          ))}
        </nav>
      </header>
      {SYMPTOM_CATALOGUE.map((entry) => (
        <section
          key={entry.id}
          id={entry.id}
          data-testid="guide-entry"
          data-layer={entry.layer}
          className="scroll-mt-6 space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 className="text-xl font-semibold">{entry.title}</h2>
          <p className="text-sm text-slate-500">
            Layer: {LAYER_LABEL[entry.layer] ?? entry.layer}
            {entry.statusCodes.length > 0 ? ` · HTTP ${entry.statusCodes.join(", ")}` : ""} · Engines:{" "}
            {entry.engines.join(", ")}
          </p>
          {entry.errorCodes.length > 0 ? (
            <p className="flex flex-wrap gap-2 text-xs" data-testid="guide-codes">
              {entry.errorCodes.map((code) => (
                <code key={code} id={`code-${code}`} className="rounded bg-slate-100 px-1.5 py-0.5">
                  {code}
                </code>
              ))}
            </p>
          ) : null}
          <Block title="What it usually means" items={entry.causes} />
          <Block title="How to verify" items={entry.checks} mono />
          <Block title="Common fixes" items={entry.fixes} mono />
        </section>
      ))}
      <p className="text-sm">
        <Link href="/projects" className="text-indigo-700 hover:underline">
          ← Dashboard
        </Link>
      </p>
    </main>
  );
}

function Block({ title, items, mono }: { title: string; items: string[]; mono?: boolean }) {
  return (
    <div>
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className={`mt-1 list-disc space-y-1 pl-5 text-sm ${mono ? "[&_li]:break-words" : ""}`}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The layers a data-plane request crosses, in the order it crosses them. A diagnosis names the FIRST layer that
 * refuses; `ok` means every check that could run passed.
 */
export const DIAGNOSIS_LAYERS = [
  "routing",
  "gateway_auth",
  "rate_limit",
  "schema",
  "privileges",
  "rls",
  "backup",
  "ok",
] as const;
export type DiagnosisLayer = (typeof DIAGNOSIS_LAYERS)[number];

/** Catalogue entries also cover layers the assistant cannot test from the server (edge, the client's own code). */
export type CatalogueLayer = Exclude<DiagnosisLayer, "ok"> | "edge" | "data_api" | "cli" | "application";

/** What the assistant concluded: exactly what `flux diagnose --json` prints. */
export type Diagnosis = {
  layer: DiagnosisLayer;
  /** The gateway / data API / Postgres code the request meets (or would meet), or a FLUX-DIAG-* code; null when ok. */
  code: string | null;
  /** What each check saw, in order, ending with the refusal. Never a secret, a token or a row value. */
  evidence: string[];
  /** Commands and SQL ready to copy, filled in with this project's names; empty when ok. */
  fix: string[];
};

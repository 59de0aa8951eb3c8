import { CODE_ENTRIES } from "./code-entries";
import { DOCS_ENTRIES } from "./docs-entries";
import type { SymptomEntry } from "./types";

export type { SymptomEntry } from "./types";

/** The whole guide: the Flux page's entries first (in its order), then the codes only Flux answers. */
export const SYMPTOM_CATALOGUE: readonly SymptomEntry[] = [...DOCS_ENTRIES, ...CODE_ENTRIES];

const BY_CODE = new Map(SYMPTOM_CATALOGUE.flatMap((entry) => entry.errorCodes.map((code) => [code, entry] as const)));

/** The entry an error code links to; undefined for codes the guide does not cover. */
export const entryForCode = (code: string): SymptomEntry | undefined => BY_CODE.get(code);

/** Path of the dashboard guide's anchor for an error code (or an entry id). */
export function guidePath(codeOrEntryId: string): string {
  const id = entryForCode(codeOrEntryId)?.id ?? codeOrEntryId;
  return `/troubleshooting#${id}`;
}

/** Absolute link to a code's entry in the guide at `guideUrl`; null for codes the guide does not cover. */
export function guideLink(guideUrl: string, code: string): string | null {
  const entry = entryForCode(code);
  return entry ? `${guideUrl}#${entry.id}` : null;
}

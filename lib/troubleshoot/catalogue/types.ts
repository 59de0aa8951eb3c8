import type { CatalogueLayer } from "../layers";

/** One symptom of the troubleshooting guide (docs page 000 plus the codes Flux adds), as data. */
export type SymptomEntry = {
  /** Stable anchor in the dashboard guide (/troubleshooting#<id>) and in docs links. */
  id: string;
  title: string;
  layer: CatalogueLayer;
  /** Where the entry comes from: the Flux troubleshooting page, or a code only this implementation answers. */
  source: "flux-docs" | "flux-codes";
  statusCodes: number[];
  /** Error codes (FLUX-GW-*, PGRST*, SQLSTATE, backup tiers) that link to this entry; each code links to one entry. */
  errorCodes: string[];
  causes: string[];
  checks: string[];
  fixes: string[];
  engines: Array<"v2_shared" | "v1_dedicated">;
};

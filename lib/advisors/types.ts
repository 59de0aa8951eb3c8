import type pg from "pg";

export type AdvisorLevel = "info" | "warn" | "error";
export type AdvisorCategory = "security" | "performance";

/** One finding: what is wrong with which object, and the SQL that fixes it. */
export type AdvisorFinding = {
  /** Stable across runs while the object exists: `<lint>:<object>`; what an owner dismisses. */
  key: string;
  lint: string;
  level: AdvisorLevel;
  category: AdvisorCategory;
  /** The object, schema-qualified (`t_…_api.notes`, `t_…_api.fn(int)`, `t_…_api.notes.owner_id`). */
  object: string;
  message: string;
  remediation: string;
};

export type LintScope = { schema: string; role: string; ownerRole: string };

/** A lint reads the catalog (never tenant data, never tenant code) and returns its findings. */
export type Lint = {
  name: string;
  level: AdvisorLevel;
  category: AdvisorCategory;
  run: (
    client: pg.Client,
    scope: LintScope,
  ) => Promise<Array<Pick<AdvisorFinding, "object" | "message" | "remediation">>>;
};

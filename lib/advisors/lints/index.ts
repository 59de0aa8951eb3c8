import type { Lint } from "../types";
import { mutableSearchPath, securityDefinerFunctions, securityDefinerViews } from "./code-lints";
import { policyUuidOwnerVsTextSub, rlsOffWithPolicies, rlsOnWithoutPolicy, secretColumnsWithoutRls } from "./rls-lints";
import { objectsInPublic, tablesWithoutPrimaryKey, unindexedForeignKeys, unusableByTenantRole } from "./schema-lints";

/** Every advisor lint, most severe first; each reads the catalog only. */
export const LINTS: readonly Lint[] = [
  rlsOffWithPolicies,
  secretColumnsWithoutRls,
  rlsOnWithoutPolicy,
  policyUuidOwnerVsTextSub,
  securityDefinerFunctions,
  securityDefinerViews,
  mutableSearchPath,
  objectsInPublic,
  unusableByTenantRole,
  tablesWithoutPrimaryKey,
  unindexedForeignKeys,
];

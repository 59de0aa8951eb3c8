import type { Redis } from "ioredis";
import type { Database } from "@/lib/db";
import type { ProjectRow } from "@/lib/projects/types";
import type { TenantIdentifiers } from "@/lib/tenancy";
import type { DiagnosisLayer } from "../layers";

/** What the user gave us, normalised: every field may be missing except the method and path. */
export type RequestUnderTest = {
  method: string;
  /** Path without the query; "/" when the user gave none. */
  path: string;
  query: string;
  host: string | null;
  token: string | null;
};

/** Everything a check may read; nothing here is ever written to. */
export type DiagnosisContext = {
  project: ProjectRow;
  ids: TenantIdentifiers;
  request: RequestUnderTest;
  /** flux-system (projects, domains). */
  db: Database;
  masterKey: string;
  baseDomain: string;
  /** The tenant cluster as superuser: catalog queries only, never tenant code (decision 0028). */
  tenantAdminUrl: string;
  /** The tenant's API login: the only connection that runs tenant code (the RLS replay). */
  apiDatabaseUrl: string;
  /** The data API (rest) and the bridge secret, to ask what its schema cache sees. */
  restUrl: string;
  bridgeSecret: string;
  gateway: { leewaySeconds: number; rateLimitMultiplier: number };
  /** Absent without REDIS_URL: window state and dispatch rows then live only in each gateway's memory. */
  redis?: Redis;
  now: () => number;
};

/** A layer's refusal: the code the request meets, why we think so, and what to run. */
export type Refusal = { code: string; evidence: string[]; fix: string[] };

/** Each check adds what it saw; a refusal stops the walk at its layer. */
export type CheckOutcome = { evidence: string[]; refusal?: Refusal; claims?: Record<string, unknown> };

export type Check = {
  layer: Exclude<DiagnosisLayer, "ok">;
  run: (ctx: DiagnosisContext, state: WalkState) => Promise<CheckOutcome>;
};

/** What earlier checks learned that later ones need. */
export type WalkState = { claims: Record<string, unknown> | null; table: string | null };

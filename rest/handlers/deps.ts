import type { BridgeVerifier } from "@/lib/jwt";
import type { Logger } from "@/rest/log";
import type { TenantPools } from "@/rest/pools/tenant-pools";
import type { SchemaCache } from "@/rest/schema-cache/schema-cache";
import type { RequestIdentity } from "@/rest/http/authenticate";
import type { RequestContext } from "@/rest/sql/build-preamble";
import type { SqlResponseSettings } from "@/rest/execute/run-request-transaction";

/** What the request handlers share for the life of the server. */
export type RestDeps = {
  bridge: BridgeVerifier;
  pools: TenantPools;
  schemas: SchemaCache;
  logger: Logger;
  maxRows: number;
  bodyLimitBytes: number;
  /** FLUX_REST_DEADLINE_MARGIN_MS: a request's deadline is the plan's statement timeout plus this. */
  deadlineMarginMs: number;
  /** The troubleshooting guide: error answers carry `Link: <guide#entry>; rel="help"` (headers only; bodies stay PostgREST's). */
  guideUrl?: string;
};

/**
 * One authenticated request, with the settings its transaction will carry and, once it ran, what SQL set in
 * `response.status` / `response.headers` (applied to whichever reply the handler builds).
 */
export type TenantRequest = { identity: RequestIdentity; context: RequestContext; sqlResponse?: SqlResponseSettings };

import { eq } from "drizzle-orm";
import { projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import { dispatchRowKey } from "@/lib/cache/keys";
import { readyControlPlaneRedis } from "@/lib/cache/control-plane-redis";
import type { Ctx } from "@/lib/context";
import { entryForCode, guidePath } from "@/lib/troubleshoot/catalogue";
import { DispatchRow } from "@/lib/troubleshoot/dispatch-rows";
import { requireSupport } from "./require-support";

/** The gateway's steps in the order a request walks them (gateway/server.ts). */
const STEP_ORDER = ["resolve", "verify", "rate_limit", "bridge", "proxy"] as const;

export type RequestPath = {
  row: DispatchRow;
  projectSlug: string | null;
  /** Each step that ran, in order, with its milliseconds; the step that refused is the last one that ran. */
  steps: Array<{ step: string; ms: number }>;
  outcome: string;
  guide: string | null;
};

/** Support's request-id lookup: the whole path one request took through the gateway (never a token or a body). */
export async function lookUpRequest({ ctx, requestId }: { ctx: Ctx; requestId: string }): Promise<RequestPath> {
  requireSupport(ctx);
  const id = requestId.trim();
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(id))
    throw new FluxError("bad_request", "requestId: the X-Request-ID value (letters, digits, . _ : -; at most 128)");
  if (!ctx.config.REDIS_URL)
    throw new FluxError(
      "unavailable",
      "Request ids can be looked up only when the gateway shares its dispatch rows through Redis: set REDIS_URL.",
    );
  const raw = await (
    await readyControlPlaneRedis(ctx.config.REDIS_URL)
  )
    .get(dispatchRowKey(id))
    .catch((cause: unknown) => {
      throw new FluxError(
        "unavailable",
        "Redis does not answer, so the gateway's dispatch rows cannot be read right now; retry shortly.",
        { cause },
      );
    });
  const parsed = raw ? DispatchRow.safeParse(JSON.parse(raw)) : null;
  if (!parsed?.success)
    throw new FluxError("not_found", `No request '${id}' in the last hour; rows expire after one hour.`);
  const row = parsed.data;
  const [project] = row.tenantId
    ? await ctx.db.select({ slug: projects.slug }).from(projects).where(eq(projects.tenantId, row.tenantId)).limit(1)
    : [];
  const steps = STEP_ORDER.filter((step) => row.timings[step] !== undefined).map((step) => ({
    step,
    ms: row.timings[step] ?? 0,
  }));
  const outcome = row.code
    ? `refused with ${row.status} ${row.code}${entryForCode(row.code) ? ` (${entryForCode(row.code)?.title})` : ""}`
    : `answered ${row.status}`;
  return {
    row,
    projectSlug: project?.slug ?? null,
    steps,
    outcome,
    guide: row.code && entryForCode(row.code) ? guidePath(row.code) : null,
  };
}

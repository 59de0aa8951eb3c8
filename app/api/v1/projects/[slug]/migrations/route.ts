import { json, route } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json-body";
import { toHistoryResponse, toPushedFileResponse } from "@/lib/migrations";
import { MAX_PUSH_BODY_BYTES } from "@/lib/projects/inputs";
import { listProjectSql } from "@/lib/projects/list-project-sql";
import { pushProjectMigrations } from "@/lib/projects/push-project-migrations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux push`: applies the pending files of a migration directory (or checks them, with dryRun). */
export const POST = route<{ slug: string }>(async ({ req, ctx, params }) => {
  const input = await readJsonBody(req, Math.max(MAX_PUSH_BODY_BYTES, ctx.config.FLUX_BODY_LIMIT_BYTES));
  const outcome = await pushProjectMigrations({ ctx, slug: params.slug, input });
  return json({ dryRun: outcome.dryRun, files: outcome.files.map(toPushedFileResponse) });
});

/** `flux migrations list`: the applied history, oldest version first; `?include=sql` adds each file's SQL. */
export const GET = route<{ slug: string }>(async ({ req, ctx, params }) => {
  const withSql = req.nextUrl.searchParams.get("include") === "sql";
  const applied = await listProjectSql({ ctx, slug: params.slug });
  return json({ data: applied.map((row) => toHistoryResponse(row, withSql)) });
});

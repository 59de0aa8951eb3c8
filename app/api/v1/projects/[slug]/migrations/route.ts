import { json, route } from "@/lib/api/handler";
import { listProjectSql } from "@/lib/projects/list-project-sql";
import { pushProjectSql } from "@/lib/projects/push-project-sql";
import { PushProjectSqlInput } from "@/lib/projects/inputs";
import { parseInput } from "@/lib/api/parse-input";
import type { AppliedSql } from "@/lib/engines/types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const toResponse = (applied: AppliedSql) => ({
  version: applied.version,
  name: applied.name,
  checksum: applied.checksum,
  appliedAt: applied.appliedAt.toISOString(),
});

/** `flux db push`: applies one SQL file. */
export const POST = route<{ slug: string }>(async ({ ctx, params, body }) => {
  const input = parseInput(PushProjectSqlInput, await body());
  return json(toResponse(await pushProjectSql({ ctx, slug: params.slug, input })), 201);
});

export const GET = route<{ slug: string }>(async ({ ctx, params }) => {
  const applied = await listProjectSql({ ctx, slug: params.slug });
  return json({ data: applied.map(toResponse) });
});

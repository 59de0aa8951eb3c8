import { json, route } from "@/lib/api/handler";
import { generateProjectTypes } from "@/lib/projects/generate-project-types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux gen types`: `{ schema, typescript }`, the generated .ts for the project's schema. */
export const GET = route<{ slug: string }>(async ({ ctx, params }) =>
  json(await generateProjectTypes({ ctx, slug: params.slug })),
);

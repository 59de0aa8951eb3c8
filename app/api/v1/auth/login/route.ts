import { json, route } from "@/lib/api/handler";
import { issueCliToken } from "@/lib/tokens/issue-cli-token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `flux login`: e-mail + password → a personal access token, shown once. */
export const POST = route(async ({ ctx, body }) => json(await issueCliToken({ ctx, input: await body() }), 201));

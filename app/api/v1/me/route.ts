import { json, route } from "@/lib/api/handler";
import { getCurrentUserOrThrow } from "@/lib/users/get-user-or-throw";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async ({ ctx }) => json(await getCurrentUserOrThrow(ctx)));

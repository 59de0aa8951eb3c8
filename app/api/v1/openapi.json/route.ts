import { buildOpenApiDocument } from "@/lib/api/openapi/build-document";
import { json, route } from "@/lib/api/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public: the contract is not a secret, and clients fetch it before they have a token. */
export const GET = route(async () => json(buildOpenApiDocument()));

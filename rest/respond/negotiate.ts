import type { IncomingHttpHeaders } from "node:http";
import { RestError } from "./rest-error";

/** What a reply can be rendered as; each maps to one Content-Type (media-types.ts). */
export type MediaKind = "json" | "object" | "csv" | "openapi" | "json-stripped" | "object-stripped";

/** One entry of an Accept header: `type/subtype` (lower case, other parameters dropped) and its q-value. */
type AcceptItem = { mime: string; q: number; order: number; nullsStripped: boolean };

const BY_MIME: Readonly<Record<string, MediaKind>> = {
  "application/json": "json",
  "application/vnd.pgrst.array+json": "json",
  "application/vnd.pgrst.array": "json",
  "application/vnd.pgrst.object+json": "object",
  "application/vnd.pgrst.object": "object",
  "text/csv": "csv",
  "application/openapi+json": "openapi",
};

/** PostgREST's vendor types with `;nulls=stripped` (json_strip_nulls of the body). */
const STRIPPED: Readonly<Record<string, MediaKind>> = {
  "application/vnd.pgrst.array+json": "json-stripped",
  "application/vnd.pgrst.array": "json-stripped",
  "application/vnd.pgrst.object+json": "object-stripped",
  "application/vnd.pgrst.object": "object-stripped",
};

/** Wildcards answer with the resource's first (default) media type, as PostgREST's `*\/*` does. */
const WILDCARDS = new Set(["*/*", "application/*"]);

/**
 * Picks the media type of the reply from the Accept header (RFC 9110 §12.5.1): highest q first, ties in the
 * client's order; `q=0` excludes. `produces` lists what the resource offers, its default first. Nothing
 * acceptable → 406 PGRST107 naming the requested types, as PostgREST does. No Accept header means `*\/*`.
 */
export function negotiate(headers: IncomingHttpHeaders, produces: readonly MediaKind[]): MediaKind {
  const [fallback] = produces;
  if (fallback === undefined) throw new Error("negotiate() needs at least one media type to offer");
  const accepted = parseAccept(headers.accept);
  if (accepted.length === 0) return fallback;
  for (const item of accepted) {
    if (item.q <= 0) continue;
    if (WILDCARDS.has(item.mime)) return fallback;
    const kind = (item.nullsStripped ? STRIPPED[item.mime] : undefined) ?? BY_MIME[item.mime];
    if (kind !== undefined && produces.includes(kind)) return kind;
  }
  throw new RestError(406, {
    code: "PGRST107",
    message: `None of these media types are available: ${accepted.map((item) => item.mime).join(", ")}`,
  });
}

function parseAccept(header: string | undefined): AcceptItem[] {
  if (header === undefined || header.trim() === "") return [];
  const items: AcceptItem[] = [];
  header.split(",").forEach((part, order) => {
    const [mediaRange, ...parameters] = part.split(";").map((piece) => piece.trim());
    if (!mediaRange) return;
    const qParameter = parameters.find((parameter) => /^q\s*=/i.test(parameter));
    const q = qParameter === undefined ? 1 : Number(qParameter.split("=")[1]);
    const nullsStripped = parameters.some(
      (parameter) => parameter.replace(/\s/g, "").toLowerCase() === "nulls=stripped",
    );
    items.push({ mime: mediaRange.toLowerCase(), q: Number.isFinite(q) ? q : 1, order, nullsStripped });
  });
  return items.sort((a, b) => b.q - a.q || a.order - b.order);
}

import type { MediaKind } from "./negotiate";

/** Content-Type per reply kind, exactly as PostgREST writes them (every textual type carries the charset). */
export const CONTENT_TYPE: Readonly<Record<MediaKind, string>> = {
  json: "application/json; charset=utf-8",
  object: "application/vnd.pgrst.object+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  openapi: "application/openapi+json; charset=utf-8",
  "json-stripped": "application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8",
  "object-stripped": "application/vnd.pgrst.object+json;nulls=stripped; charset=utf-8",
};

export const isSingleObject = (kind: MediaKind) => kind === "object" || kind === "object-stripped";
export const stripsNulls = (kind: MediaKind) => kind === "json-stripped" || kind === "object-stripped";

/** What a table or view answers in: JSON array (default), one object, CSV, and the null-stripping variants. */
export const RELATION_MEDIA: readonly MediaKind[] = ["json", "object", "csv", "json-stripped", "object-stripped"];

/** What a write's representation answers in (CSV and nulls=stripped representations of writes are not served). */
export const WRITE_MEDIA: readonly MediaKind[] = ["json", "object"];

/** The root path: the OpenAPI document, also under plain JSON. */
export const ROOT_MEDIA: readonly MediaKind[] = ["openapi", "json"];

/**
 * The payload parameter as PostgREST's `pgrst_uniform_json`: always an array, whatever was sent. The json type
 * keeps the text as sent, so no number is rounded on the way.
 */
export const payloadArray = (placeholder: string) =>
  `(case when json_typeof(${placeholder}::json) = 'array' then ${placeholder}::json else json_build_array(${placeholder}::json) end)`;

/** The payload's one object, or the first object of an array (PATCH applies only that one). */
export const payloadFirstObject = (placeholder: string) =>
  `(case when json_typeof(${placeholder}::json) = 'array' then ${placeholder}::json -> 0 else ${placeholder}::json end)`;

/** Some rows of the payload array, by 1-based position, still as JSON text. */
export const payloadRowsAt = (placeholder: string, positions: string) =>
  `(select coalesce(json_agg(e.value order by e.position), '[]') from json_array_elements(${payloadArray(placeholder)}) ` +
  `with ordinality as e(value, position) where e.position = any(${positions}))`;

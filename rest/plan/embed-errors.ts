import { RestError } from "@/rest/respond/rest-error";

/** PGRST108: a filter, order or embedded page names a resource the select does not embed. */
export function notEmbedded(name: string): RestError {
  return new RestError(400, {
    code: "PGRST108",
    message: `'${name}' is not an embedded resource in this request`,
    hint: `Verify that '${name}' is included in the 'select' query parameter.`,
  });
}

/** PGRST118: `order=target(col)` needs a to-one embed. */
export function notToOne(parent: string, relation: string): RestError {
  return new RestError(400, {
    code: "PGRST118",
    message: `'${parent}' and '${relation}' do not form a many-to-one or one-to-one relationship`,
  });
}

/** PGRST119: PostgREST 12 spreads only to-one embeds. */
export function spreadNotToOne(parent: string, target: string): RestError {
  return new RestError(400, {
    code: "PGRST119",
    message: `A spread operation on '${target}' is not possible`,
    details: `'${parent}' and '${target}' do not form a many-to-one or one-to-one relationship`,
  });
}

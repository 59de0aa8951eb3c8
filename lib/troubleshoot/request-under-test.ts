import type { RequestUnderTest } from "./checks/types";
import type { DispatchRow } from "./dispatch-rows";
import type { DiagnoseInput } from "./inputs";
import { parseCurl } from "./input/parse-curl";
import { parseRequestLine } from "./input/parse-request-line";

/**
 * Merges what the user gave: explicit --token/--host win over what a pasted curl command carries, which wins
 * over the gateway's dispatch row (that row has no token and no query). Throws with a message on bad input.
 */
export function requestUnderTest(input: DiagnoseInput, row: DispatchRow | null): RequestUnderTest {
  const text = input.request?.trim();
  const pasted = text && /^curl\s/.test(text) ? parseCurl(text) : null;
  const line = text && !pasted ? parseRequestLine(text) : null;
  return {
    method: pasted?.method ?? line?.method ?? row?.method ?? "GET",
    path: pasted?.path ?? line?.path ?? row?.path ?? "/",
    query: pasted?.query ?? line?.query ?? "",
    host: input.host ?? pasted?.host ?? row?.host ?? null,
    token: input.token ?? pasted?.token ?? null,
  };
}

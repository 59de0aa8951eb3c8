import { describe, expect, it } from "vitest";
import { statusForSqlState } from "./pg-error-status";
import { RestError } from "./rest-error";
import { toRestError } from "./to-rest-error";

const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: "ERROR", detail: "d" });

describe("statusForSqlState", () => {
  it.each([
    ["42501", 403],
    ["23505", 409],
    ["23503", 409],
    ["23502", 400],
    ["22P02", 400],
    ["42P01", 404],
    ["P0001", 400],
    ["57014", 500],
    ["22012", 400],
    ["23514", 400],
    ["42P10", 400],
  ])("maps %s to %i", (code, status) => expect(statusForSqlState(code)).toBe(status));

  it.each([
    ["08006", 503],
    ["0P000", 403],
    ["25006", 405],
    ["28000", 403],
    ["40001", 500],
    ["53400", 500],
    ["53300", 503],
    ["42P17", 500],
    ["P0002", 500],
    ["42883", 404],
    ["PT402", 402],
    ["PT418", 418],
    ["PT40A", 500],
    ["99999", 400],
  ])("maps %s to %i as PostgREST does", (code, status) => expect(statusForSqlState(code)).toBe(status));

  it("answers 401 for 42501 when the caller is anonymous", () => {
    expect(statusForSqlState("42501", true)).toBe(401);
    const { error } = toRestError(pgError("42501", "permission denied"), "r", { anonymous: true });
    expect(error.status).toBe(401);
    expect(error.headers).toEqual({ "WWW-Authenticate": "Bearer" });
  });

  it("answers 500 for server-side classes", () => {
    expect(statusForSqlState("XX000")).toBe(500);
    expect(statusForSqlState("58030")).toBe(500);
  });
});

describe("toRestError", () => {
  it("keeps PostgreSQL's code, message and detail for mapped errors", () => {
    const { error, unexplained } = toRestError(pgError("23505", "duplicate key value"), "req-1");
    expect(unexplained).toBe(false);
    expect(error.status).toBe(409);
    expect(error.toBody()).toEqual({ code: "23505", message: "duplicate key value", details: "d", hint: null });
  });

  it("does not leak the message of an unknown error", () => {
    const { error, unexplained } = toRestError(new Error("password authentication failed for secret thing"), "req-2");
    expect(unexplained).toBe(true);
    expect(error.status).toBe(500);
    expect(error.message).not.toContain("secret");
    expect(error.message).toContain("req-2");
  });

  it("hides internal PostgreSQL errors behind the same generic 500", () => {
    const { error } = toRestError(pgError("XX000", "internal: relation 1234 has no toast"), "req-3");
    expect(error.status).toBe(500);
    expect(error.message).not.toContain("toast");
  });

  it("passes a RestError through unchanged", () => {
    const original = new RestError(413, { code: "PGRST413", message: "too big" });
    expect(toRestError(original, "r").error).toBe(original);
  });
});

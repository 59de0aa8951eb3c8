import { describe, expect, it } from "vitest";
import { FluxError } from "@/lib/api/errors";
import { parseDuration } from "./parse-duration";

describe("parseDuration", () => {
  it.each([
    ["15s", 15],
    ["30m", 1800],
    ["1h", 3600],
    ["7d", 604_800],
    ["30d", 2_592_000],
  ])("reads %s as %d seconds", (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(["", "1", "h", "1.5h", "-1h", "1 w", "1w", "10 minutes", "1h30m"])(
    "refuses %j naming the accepted forms",
    (input) => {
      expect(() => parseDuration(input)).toThrowError(/use a whole number followed by s, m, h or d/);
    },
  );

  it("refuses zero", () => {
    expect(() => parseDuration("0s")).toThrowError(/longer than zero/);
  });

  it("caps project tokens at 30 days", () => {
    expect(() => parseDuration("31d")).toThrowError(/maximum is 30d/);
    expect(() => parseDuration("721h")).toThrowError(/maximum is 30d/);
  });

  it("raises a bad_request FluxError so the API answers 400", () => {
    try {
      parseDuration("forever");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FluxError);
      expect((err as FluxError).status).toBe(400);
    }
  });
});

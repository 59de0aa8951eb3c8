import { describe, expect, it } from "vitest";
import { createInProcessActivity } from "../activity/in-process";
import type { ActivityRecorder } from "../activity/interface";
import { recordActivity } from "./activity";

describe("activity step", () => {
  it("counts requests per tenant", async () => {
    const activity = createInProcessActivity();
    recordActivity(activity, "t1");
    recordActivity(activity, "t1");
    recordActivity(activity, "t2");
    await Promise.resolve();
    expect(activity.peek("t1")).toBe(2);
    expect(Object.fromEntries(activity.drain())).toEqual({ t1: 2, t2: 1 });
    expect(activity.peek("t1")).toBe(0);
  });

  it("never throws into the request when the recorder fails", async () => {
    const errors: unknown[] = [];
    const rejecting: ActivityRecorder = { record: () => Promise.reject(new Error("down")) };
    const throwing: ActivityRecorder = {
      record: () => {
        throw new Error("broken");
      },
    };
    expect(() => recordActivity(rejecting, "t", (e) => errors.push(e))).not.toThrow();
    expect(() => recordActivity(throwing, "t", (e) => errors.push(e))).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(2);
  });
});

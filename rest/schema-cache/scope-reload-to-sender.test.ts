import { describe, expect, it } from "vitest";
import { scopeReloadToSender } from "./scope-reload-to-sender";

const A = "t_0123456789ab";
const B = "t_ba9876543210";

describe("scopeReloadToSender", () => {
  it("narrows a tenant role's 'reload schema' to its own schema, so it cannot flush every tenant's cache", () => {
    expect(scopeReloadToSender({ kind: "all" }, `${A}_role`)).toEqual({ kind: "schema", schema: `${A}_api` });
    expect(scopeReloadToSender({ kind: "all" }, `${A}_owner`)).toEqual({ kind: "schema", schema: `${A}_api` });
  });

  it("ignores a tenant role's notification naming another tenant's schema", () => {
    expect(scopeReloadToSender({ kind: "schema", schema: `${B}_api` }, `${A}_role`)).toEqual({ kind: "ignore" });
  });

  it("keeps a tenant's notification for its own schema", () => {
    expect(scopeReloadToSender({ kind: "schema", schema: `${A}_api` }, `${A}_owner`)).toEqual({
      kind: "schema",
      schema: `${A}_api`,
    });
  });

  it("leaves operators' and unknown senders' notifications as they are", () => {
    expect(scopeReloadToSender({ kind: "all" }, "postgres")).toEqual({ kind: "all" });
    expect(scopeReloadToSender({ kind: "schema", schema: `${B}_api` }, null)).toEqual({
      kind: "schema",
      schema: `${B}_api`,
    });
  });
});

import { afterAll, describe, expect, it, vi } from "vitest";
import { createProject } from "./create-project";
import { closeLibCtx, libCtx, newActor, uniqueName } from "./owner-test-kit";

vi.setConfig({ testTimeout: 120_000 });
afterAll(closeLibCtx);

const QUOTA = { FLUX_MAX_PROJECTS_PER_USER: 3 };
const create = (actor: Awaited<ReturnType<typeof newActor>>) =>
  createProject({ ctx: libCtx(actor, QUOTA), input: { slug: uniqueName("q"), plan: "free" } });

describe("the per-account project quota", () => {
  it("stops one account creating projects in a burst past FLUX_MAX_PROJECTS_PER_USER, naming the quota and how to raise it", async () => {
    const actor = await newActor();
    // Concurrent, as a script would send them: the quota holds because the account's row is locked per create.
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => create(actor)));
    const created = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as Error] : []));
    expect(created).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toMatchObject({ code: "forbidden" });
      expect(error.message).toMatch(
        /You own 3 projects, the most one account may own \(FLUX_MAX_PROJECTS_PER_USER=3\).*flux nuke.*raise FLUX_MAX_PROJECTS_PER_USER/,
      );
    }
  });

  it("does not count another account's projects, and does not limit platform admins", async () => {
    const first = await newActor();
    for (let i = 0; i < 3; i += 1) await create(first);
    await expect(create(await newActor())).resolves.toMatchObject({ status: "active" });
    const admin = await newActor("admin");
    for (let i = 0; i < 4; i += 1) await expect(create(admin)).resolves.toMatchObject({ status: "active" });
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { clusters } from "@/drizzle/schema";
import { closeServerDb, getServerDb } from "@/lib/api/server-db";
import { unique } from "@/app/api/v1/route-test-kit";
import { pickLeastLoadedCluster } from "./pick-cluster";

afterAll(closeServerDb);

/** Runs `work` in a transaction that is always rolled back, so extra clusters never reach other tests' placement. */
async function inRolledBackTransaction(
  work: (tx: Parameters<Parameters<ReturnType<typeof getServerDb>["transaction"]>[0]>[0]) => Promise<void>,
) {
  const rollback = new Error("rollback");
  await getServerDb()
    .transaction(async (tx) => {
      await work(tx);
      throw rollback;
    })
    .catch((err: unknown) => {
      if (err !== rollback) throw err;
    });
}

describe("pickLeastLoadedCluster", () => {
  it("places a project on the cluster with the fewest projects, skipping full ones", async () => {
    await inRolledBackTransaction(async (tx) => {
      const empty = unique("aa-empty");
      const full = unique("aa-full");
      await tx.insert(clusters).values([
        { id: empty, databaseUrl: "postgres://empty.invalid/db", maxTenants: 10 },
        { id: full, databaseUrl: "postgres://full.invalid/db", maxTenants: 0 },
      ]);
      expect(await pickLeastLoadedCluster(tx)).toEqual({ id: empty, databaseUrl: "postgres://empty.invalid/db" });
    });
  });
});

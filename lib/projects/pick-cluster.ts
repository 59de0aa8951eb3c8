import { asc, count, eq, sql } from "drizzle-orm";
import { clusters, projects } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db";

/** The shared cluster with the fewest projects that is still under its max_tenants cap. */
export async function pickLeastLoadedCluster(db: Executor): Promise<{ id: string; databaseUrl: string }> {
  const tenants = count(projects.tenantId);
  const [cluster] = await db
    .select({ id: clusters.id, databaseUrl: clusters.databaseUrl })
    .from(clusters)
    .leftJoin(projects, eq(projects.clusterId, clusters.id))
    .groupBy(clusters.id)
    .having(sql`${tenants} < ${clusters.maxTenants}`)
    .orderBy(asc(tenants), asc(clusters.id))
    .limit(1);
  if (!cluster) {
    throw new FluxError(
      "unprocessable",
      "Every tenant cluster is full (max_tenants reached); an operator must add a cluster before new projects can be created.",
    );
  }
  return cluster;
}

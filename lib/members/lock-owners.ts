import { and, eq } from "drizzle-orm";
import { projectMembers } from "@/drizzle/schema";
import { FluxError } from "@/lib/api/errors";
import type { Transaction } from "@/lib/db";

/**
 * Refuses a change that would leave the project without an owner. The owner rows are locked first, so two
 * owners removing each other at the same moment cannot both succeed.
 */
export async function refuseRemovingLastOwner(
  tx: Transaction,
  tenantId: string,
  slug: string,
  userId: string,
): Promise<void> {
  const owners = await tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.tenantId, tenantId), eq(projectMembers.role, "owner")))
    .for("update");
  if (owners.length === 1 && owners[0]?.userId === userId) {
    throw new FluxError(
      "conflict",
      `That is the last owner of '${slug}'; add another owner first (flux members add <email> --role owner --project ${slug}).`,
    );
  }
}

import type { projects } from "@/drizzle/schema";

export type ProjectRow = typeof projects.$inferSelect;
export type MemberRole = "owner" | "developer" | "viewer";

/** A project as one actor may see it: the row, its cluster and the actor's membership (null for staff). */
export type ProjectAccess = {
  project: ProjectRow;
  clusterDatabaseUrl: string;
  memberRole: MemberRole | null;
};

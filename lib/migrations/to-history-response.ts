import type { AppliedSqlDetail } from "@/lib/engines/types";
import type { PushedFile } from "./push-migrations";

/** What leaves the server for a history row; the SQL only when asked for (it can be 1 MiB a file). */
export const toHistoryResponse = (row: AppliedSqlDetail & { actorEmail?: string | null }, withSql: boolean) => ({
  version: row.version,
  name: row.name,
  checksum: row.checksum,
  appliedAt: row.appliedAt.toISOString(),
  actorUserId: row.actorUserId,
  actorEmail: row.actorEmail ?? null,
  ...(withSql ? { sql: row.sql } : {}),
});

export const toPushedFileResponse = (file: PushedFile) => ({
  ...file,
  appliedAt: file.appliedAt?.toISOString() ?? null,
});

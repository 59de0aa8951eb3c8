import { z } from "zod";
import { FluxError } from "@/lib/api/errors";
import { Slug } from "@/lib/projects/inputs";
import { backupRefOf, type BackupRef } from "./find-backup";

export const CreateBackupInput = z.object({
  label: z
    .string()
    .trim()
    .min(1, "label must not be empty")
    .max(100, "label must be at most 100 characters")
    .optional(),
});
export type CreateBackupInput = z.infer<typeof CreateBackupInput>;

export const RestoreBackupInput = z.object({ into: Slug });
export type RestoreBackupInput = z.infer<typeof RestoreBackupInput>;

const BACKUP_ID = /^bkp_[0-9a-z_]{1,60}$/;

/** The `{id}` path segment: `latest` or a backup id (`bkp_…`). */
export function parseBackupRef(value: string): BackupRef {
  if (value !== "latest" && !BACKUP_ID.test(value)) {
    throw new FluxError(
      "bad_request",
      `"${value.slice(0, 80)}" is not a backup id (bkp_…) or "latest"; list them with \`flux backup list\`.`,
    );
  }
  return backupRefOf(value);
}

/** `?skipBackupCheck=true` on DELETE /projects/{slug}; anything but true/false is refused, not guessed. */
export function parseSkipBackupCheck(value: string | null): boolean {
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new FluxError("bad_request", `skipBackupCheck must be true or false, not "${value.slice(0, 40)}".`);
}

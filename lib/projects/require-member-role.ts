import { FluxError } from "@/lib/api/errors";
import type { MemberRole, ProjectAccess } from "./types";

/** Project roles that may change a project (push SQL, mint tokens); viewers and staff only read. */
export const WRITER_ROLES: readonly MemberRole[] = ["owner", "developer"];

export function requireMemberRole(access: ProjectAccess, allowed: readonly MemberRole[], doing: string): void {
  if (access.memberRole && allowed.includes(access.memberRole)) return;
  const yours = access.memberRole ? `you are a ${access.memberRole}` : "you are not a member";
  throw new FluxError(
    "forbidden",
    `Only a project ${allowed.join(" or ")} may ${doing} in '${access.project.slug}' (${yours}); ask the owner for access.`,
  );
}

/** Tenant SQL can only run once the schema and roles exist. */
export function requireActive(access: ProjectAccess): void {
  if (access.project.status !== "active") {
    throw new FluxError(
      "conflict",
      `Project '${access.project.slug}' is ${access.project.status}, not active; try again once it is active.`,
    );
  }
}

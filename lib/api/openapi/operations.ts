import { z } from "zod";
import { AuditEntryResponse } from "@/lib/audit/audit-response";
import { EnvVarResponse, SetEnvInput } from "@/lib/env/inputs";
import { AddMemberInput, MemberResponse } from "@/lib/members/inputs";
import { CreateProjectInput, ProjectLimitsInput, ProjectTokenInput, PushProjectSqlInput } from "@/lib/projects/inputs";
import { CreatedPatResponse, CreatePatInput, PatResponse } from "@/lib/tokens/pat-inputs";
import { CliLoginInput } from "@/lib/tokens/issue-cli-token";
import { DiagnoseInput, DiagnosisResponse } from "@/lib/troubleshoot/inputs";
import { AdvisorFindingResponse, DismissAdvisorInput } from "@/lib/advisors/inputs";

export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  body?: z.ZodType;
  /** A paginated list of these (`?limit=&offset=`, answer `{ data, page }`). */
  listOf?: z.ZodType;
  response?: z.ZodType;
  /** Honours the Idempotency-Key header. */
  idempotent?: boolean;
  status?: number;
};

const Removed = (name: string) => z.object({ [name]: z.string(), removed: z.literal(true) });

/** Every /api/v1 operation and the zod contracts it uses; the OpenAPI document is generated from this list. */
export const OPERATIONS: Operation[] = [
  { method: "post", path: "/auth/login", summary: "E-mail and password → a personal access token (flux login)", body: CliLoginInput, status: 201 },
  { method: "get", path: "/me", summary: "The signed-in user" },
  { method: "get", path: "/projects", summary: "Projects the caller may see" },
  { method: "post", path: "/projects", summary: "Create a project", body: CreateProjectInput, idempotent: true, status: 201 },
  { method: "patch", path: "/projects/{slug}/limits", summary: "Set or reset the project's rate limit (owner)", body: ProjectLimitsInput },
  { method: "post", path: "/projects/{slug}/migrations", summary: "Push tenant SQL (owner, developer)", body: PushProjectSqlInput, status: 201 },
  { method: "post", path: "/projects/{slug}/tokens", summary: "Mint a project JWT (owner, developer)", body: ProjectTokenInput, status: 201 },
  { method: "post", path: "/projects/{slug}/diagnose", summary: "Diagnose a failing request: the first refusing layer, evidence and fix (members, support)", body: DiagnoseInput, response: DiagnosisResponse },
  { method: "get", path: "/projects/{slug}/advisors", summary: "Advisor findings over the tenant schema (members, support)", response: z.array(AdvisorFindingResponse) },
  { method: "post", path: "/projects/{slug}/advisors/dismissals", summary: "Dismiss an advisor finding by key (owner, developer)", body: DismissAdvisorInput, response: z.object({ key: z.string(), dismissed: z.literal(true) }), status: 201 },
  { method: "get", path: "/projects/{slug}/members", summary: "List members", listOf: MemberResponse },
  { method: "post", path: "/projects/{slug}/members", summary: "Add a member or change their role (owner)", body: AddMemberInput, response: MemberResponse, idempotent: true, status: 201 },
  { method: "delete", path: "/projects/{slug}/members/{email}", summary: "Remove a member (owner; never the last owner)", response: Removed("email") },
  { method: "get", path: "/projects/{slug}/env", summary: "List environment variables (secret values never included)", listOf: EnvVarResponse },
  { method: "put", path: "/projects/{slug}/env", summary: "Set one environment variable (owner, developer)", body: SetEnvInput, response: EnvVarResponse },
  { method: "delete", path: "/projects/{slug}/env/{key}", summary: "Remove one environment variable (owner, developer)", response: Removed("key") },
  { method: "get", path: "/projects/{slug}/audit", summary: "The project's audit log, newest first", listOf: AuditEntryResponse },
  { method: "get", path: "/audit", summary: "The platform-wide audit log, newest first (admin)", listOf: AuditEntryResponse },
  { method: "get", path: "/pats", summary: "The caller's personal access tokens", listOf: PatResponse },
  { method: "post", path: "/pats", summary: "Create a personal access token (shown once)", body: CreatePatInput, response: CreatedPatResponse, idempotent: true, status: 201 },
  { method: "delete", path: "/pats/{id}", summary: "Revoke a personal access token", response: z.object({ id: z.string(), revokedAt: z.string() }) },
];

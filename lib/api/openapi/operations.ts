import { z } from "zod";
import { AuditEntryResponse } from "@/lib/audit/audit-response";
import { CreateBackupInput, RestoreBackupInput } from "@/lib/backups/inputs";
import { BackupResponse } from "@/lib/backups/to-backup-response";
import { EnvVarResponse, SetEnvInput } from "@/lib/env/inputs";
import { AddMemberInput, MemberResponse } from "@/lib/members/inputs";
import {
  ChangePlanInput,
  CreateProjectInput,
  ProjectLimitsInput,
  ProjectTokenInput,
  PushMigrationsInput,
  RenameProjectInput,
} from "@/lib/projects/inputs";
import { AddDomainInput } from "@/lib/domains/inputs";
import { AddIssuerInput, IssuerResponse } from "@/lib/issuers/inputs";
import { RotateSecretInput } from "@/lib/project-keys/inputs";
import { CreatedPatResponse, CreatePatInput, PatResponse } from "@/lib/tokens/pat-inputs";
import { CliLoginInput } from "@/lib/tokens/issue-cli-token";
import {
  DomainResponseSchema,
  EndGraceResultSchema,
  KeyListSchema,
  ProjectResponseSchema,
  RevealedSecretSchema,
  RotationResultSchema,
} from "./responses";
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
  /** Required query parameters besides pagination. */
  query?: Array<{ name: string; description: string }>;
  /** Honours the Idempotency-Key header. */
  idempotent?: boolean;
  status?: number;
};

const Removed = (name: string) => z.object({ [name]: z.string(), removed: z.literal(true) });

/** Every /api/v1 operation and the zod contracts it uses; the OpenAPI document is generated from this list. */
export const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/auth/login",
    summary: "E-mail and password → a personal access token (flux login)",
    body: CliLoginInput,
    status: 201,
  },
  { method: "get", path: "/me", summary: "The signed-in user" },
  { method: "get", path: "/projects", summary: "Projects the caller may see" },
  {
    method: "post",
    path: "/projects",
    summary: "Create a project",
    body: CreateProjectInput,
    idempotent: true,
    status: 201,
  },
  { method: "get", path: "/projects/{slug}", summary: "One project", response: ProjectResponseSchema },
  {
    method: "post",
    path: "/projects/{slug}/rename",
    summary: "Change the slug (owner); the old Service URL answers 404",
    body: RenameProjectInput,
    response: ProjectResponseSchema,
  },
  {
    method: "post",
    path: "/projects/{slug}/plan",
    summary: "Change the plan (owner); guardrails follow, mode does not",
    body: ChangePlanInput,
    response: ProjectResponseSchema,
  },
  {
    method: "post",
    path: "/projects/{slug}/suspend",
    summary: "Suspend (owner or platform admin); the gateway answers 423",
    response: ProjectResponseSchema,
  },
  {
    method: "post",
    path: "/projects/{slug}/resume",
    summary: "Resume a suspended project (owner or platform admin)",
    response: ProjectResponseSchema,
  },
  {
    method: "get",
    path: "/projects/{slug}/secret",
    summary: "Reveal the JWT secret (owner; audited, never cached)",
    response: RevealedSecretSchema,
  },
  {
    method: "get",
    path: "/projects/{slug}/keys",
    summary: "JWT keys with state and dates, never their values",
    response: KeyListSchema,
  },
  {
    method: "post",
    path: "/projects/{slug}/keys/rotate",
    summary: "Rotate the JWT secret with a grace period (owner)",
    body: RotateSecretInput,
    response: RotationResultSchema,
    idempotent: true,
  },
  {
    method: "post",
    path: "/projects/{slug}/keys/end-grace",
    summary: "Refuse the previous secret from now on (owner)",
    response: EndGraceResultSchema,
  },
  {
    method: "get",
    path: "/projects/{slug}/domains",
    summary: "Custom domains and their verification state",
    response: z.object({ data: z.array(DomainResponseSchema) }),
  },
  {
    method: "post",
    path: "/projects/{slug}/domains",
    summary: "Claim a custom hostname (owner, developer); answers the TXT record to publish",
    body: AddDomainInput,
    response: DomainResponseSchema,
    idempotent: true,
    status: 201,
  },
  {
    method: "get",
    path: "/projects/{slug}/domains/{hostname}",
    summary: "One custom domain",
    response: DomainResponseSchema,
  },
  {
    method: "delete",
    path: "/projects/{slug}/domains/{hostname}",
    summary: "Remove a custom domain (owner, developer); stops routing at once",
    response: DomainResponseSchema,
  },
  {
    method: "post",
    path: "/projects/{slug}/domains/{hostname}/verify",
    summary: "Check the TXT record; once it matches the hostname routes",
    response: DomainResponseSchema,
  },
  {
    method: "get",
    path: "/domains/{hostname}",
    summary: "A custom domain by hostname alone (hostnames are unique)",
    response: DomainResponseSchema,
  },
  {
    method: "patch",
    path: "/projects/{slug}/limits",
    summary: "Set or reset the project's rate limit (owner)",
    body: ProjectLimitsInput,
  },
  {
    method: "post",
    path: "/projects/{slug}/migrations",
    summary: "Push migration files: applies the pending ones in order (owner, developer)",
    body: PushMigrationsInput,
  },
  {
    method: "get",
    path: "/projects/{slug}/types",
    summary: "TypeScript types of the project's tables, views and functions: { schema, typescript }",
  },
  {
    method: "get",
    path: "/projects/{slug}/migrations",
    summary: "The applied migration history (?include=sql adds each file's SQL)",
  },
  {
    method: "post",
    path: "/projects/{slug}/tokens",
    summary: "Mint a project JWT (owner, developer)",
    body: ProjectTokenInput,
    status: 201,
  },
  {
    method: "post",
    path: "/projects/{slug}/diagnose",
    summary: "Diagnose a failing request: the first refusing layer, evidence and fix (members, support)",
    body: DiagnoseInput,
    response: DiagnosisResponse,
  },
  {
    method: "get",
    path: "/projects/{slug}/advisors",
    summary: "Advisor findings over the tenant schema (members, support)",
    response: z.array(AdvisorFindingResponse),
  },
  {
    method: "post",
    path: "/projects/{slug}/advisors/dismissals",
    summary: "Dismiss an advisor finding by key (owner, developer)",
    body: DismissAdvisorInput,
    response: z.object({ key: z.string(), dismissed: z.literal(true) }),
    status: 201,
  },
  { method: "get", path: "/projects/{slug}/members", summary: "List members", listOf: MemberResponse },
  {
    method: "post",
    path: "/projects/{slug}/members",
    summary: "Add a member or change their role (owner)",
    body: AddMemberInput,
    response: MemberResponse,
    idempotent: true,
    status: 201,
  },
  {
    method: "delete",
    path: "/projects/{slug}/members/{email}",
    summary: "Remove a member (owner; never the last owner)",
    response: Removed("email"),
  },
  {
    method: "get",
    path: "/projects/{slug}/env",
    summary: "List environment variables (secret values never included)",
    listOf: EnvVarResponse,
  },
  {
    method: "put",
    path: "/projects/{slug}/env",
    summary: "Set one environment variable (owner, developer)",
    body: SetEnvInput,
    response: EnvVarResponse,
  },
  {
    method: "delete",
    path: "/projects/{slug}/env/{key}",
    summary: "Remove one environment variable (owner, developer)",
    response: Removed("key"),
  },
  {
    method: "get",
    path: "/projects/{slug}/issuers",
    summary: "Third-party token issuers the project trusts (any member, staff)",
    listOf: IssuerResponse,
  },
  {
    method: "post",
    path: "/projects/{slug}/issuers",
    summary: "Trust an issuer's RS256 / ES256 tokens by JWKS URL (owner)",
    body: AddIssuerInput,
    response: IssuerResponse,
    idempotent: true,
    status: 201,
  },
  {
    method: "delete",
    path: "/projects/{slug}/issuers",
    summary: "Stop trusting an issuer, named by ?issuer= (owner)",
    query: [{ name: "issuer", description: "the issuer's exact iss" }],
    response: Removed("issuer"),
  },
  {
    method: "get",
    path: "/projects/{slug}/audit",
    summary: "The project's audit log, newest first",
    listOf: AuditEntryResponse,
  },
  {
    method: "get",
    path: "/projects/{slug}/backups",
    summary: "List backups with their trust tier, newest first (members, platform staff)",
    listOf: BackupResponse,
  },
  {
    method: "post",
    path: "/projects/{slug}/backups",
    summary: "Create a tenant export: pg_dump, store, validate (owner, developer)",
    body: CreateBackupInput,
    response: BackupResponse,
    status: 201,
  },
  {
    method: "post",
    path: "/projects/{slug}/backups/{id}/verify",
    summary: "Restore-verify a backup ({id} may be latest); the only step that makes it restorable (owner, developer)",
    response: z.object({ backup: BackupResponse, problems: z.array(z.string()) }),
  },
  {
    method: "get",
    path: "/projects/{slug}/backups/{id}/download",
    summary: "Stream the pg_dump -Fc archive as application/octet-stream ({id} may be latest; owner, developer)",
  },
  {
    method: "post",
    path: "/projects/{slug}/backups/{id}/restore",
    summary: "Restore a backup into a new project (owner, developer of the source)",
    body: RestoreBackupInput,
    status: 201,
  },
  {
    method: "delete",
    path: "/projects/{slug}",
    summary:
      "Delete the project (owner) only when its latest backup is restorable; ?skipBackupCheck=true overrides with a warning",
  },
  {
    method: "get",
    path: "/audit",
    summary: "The platform-wide audit log, newest first (admin)",
    listOf: AuditEntryResponse,
  },
  { method: "get", path: "/pats", summary: "The caller's personal access tokens", listOf: PatResponse },
  {
    method: "post",
    path: "/pats",
    summary: "Create a personal access token (shown once)",
    body: CreatePatInput,
    response: CreatedPatResponse,
    idempotent: true,
    status: 201,
  },
  {
    method: "delete",
    path: "/pats/{id}",
    summary: "Revoke a personal access token",
    response: z.object({ id: z.string(), revokedAt: z.string() }),
  },
];

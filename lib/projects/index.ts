export { createProject } from "./create-project";
export { listProjectsForActor } from "./list-projects-for-actor";
export { getProjectForActorOrThrow } from "./get-project-for-actor-or-throw";
export { pushProjectSql } from "./push-project-sql";
export { listProjectSql } from "./list-project-sql";
export { issueProjectToken } from "./issue-project-token";
export { toProjectResponse, type ProjectResponse } from "./to-project-response";
export { CreateProjectInput, PushProjectSqlInput, ProjectTokenInput, Slug } from "./inputs";
export type { ProjectRow, ProjectAccess, MemberRole } from "./types";

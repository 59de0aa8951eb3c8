import { pgEnum } from "drizzle-orm/pg-core";

export const platformRole = pgEnum("platform_role", ["admin", "support", "user"]);
export const projectMode = pgEnum("project_mode", ["v1_dedicated", "v2_shared"]);
export const projectPlan = pgEnum("project_plan", ["free", "pro", "enterprise"]);
export const projectStatus = pgEnum("project_status", ["provisioning", "active", "suspended", "failed"]);
export const memberRole = pgEnum("member_role", ["owner", "developer", "viewer"]);

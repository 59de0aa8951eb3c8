import type { domains } from "@/drizzle/schema";

export type DomainRow = typeof domains.$inferSelect;

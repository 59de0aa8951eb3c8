import type { PlatformRole } from "@/lib/context";

export const isPlatformRole = (value: unknown): value is PlatformRole =>
  value === "admin" || value === "support" || value === "user";

import type { DefaultSession } from "next-auth";
import type { PlatformRole } from "@/lib/context";

/** What Flux keeps in the next-auth session cookie: the user id and platform role, nothing secret. */
declare module "next-auth" {
  interface Session {
    user: { id: string; platformRole: PlatformRole } & DefaultSession["user"];
  }
  interface User {
    platformRole: PlatformRole;
  }
}

import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (cached inside getAuthOptions) so the build never needs NEXTAUTH_SECRET.
async function handler(req: NextRequest, context: NextAuthContext): Promise<Response> {
  return NextAuth(req, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const session = await getServerSession(getAuthOptions());
  if (session) redirect("/projects");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Flux</h1>
        <p className="mt-1 text-sm text-slate-500">Use the e-mail and password of your Flux account.</p>
        <LoginForm />
      </div>
    </main>
  );
}

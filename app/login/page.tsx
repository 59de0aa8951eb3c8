import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { ProviderSignInButtons } from "@/components/provider-sign-in-buttons";
import { getAuthOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const session = await getServerSession(getAuthOptions());
  if (session) redirect("/projects");
  const external = getAuthOptions()
    .providers.filter((p) => p.id !== "credentials")
    .map((p) => ({ id: p.id, name: p.name }));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Flux</h1>
        <p className="mt-1 text-sm text-slate-500">Use the e-mail and password of your Flux account.</p>
        <LoginForm />
        <ProviderSignInButtons providers={external} />
      </div>
    </main>
  );
}

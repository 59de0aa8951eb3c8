import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

/** Top bar of every signed-in page. */
export function AppHeader({ email }: { email: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-3">
        <Link href="/projects" className="text-lg font-semibold tracking-tight text-indigo-700">
          Flux
        </Link>
        <div className="flex items-center gap-4 text-sm text-slate-600">
          <Link href="/settings/tokens" className="hover:underline" data-testid="nav-tokens">
            Tokens
          </Link>
          {email ? <span data-testid="signed-in-email">{email}</span> : null}
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

"use client";

import { signIn } from "next-auth/react";

/** One button per configured GitHub / OIDC provider; nothing at all when none is switched on. */
export function ProviderSignInButtons({ providers }: { providers: { id: string; name: string }[] }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          data-testid={`sign-in-${p.id}`}
          onClick={() => void signIn(p.id, { callbackUrl: "/projects" })}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}

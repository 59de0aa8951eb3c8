import Link from "next/link";

const TABS = [
  { href: "", label: "Overview" },
  { href: "/members", label: "Members" },
  { href: "/env", label: "Environment" },
  { href: "/audit", label: "Audit log" },
] as const;

/** Tabs of a project's pages. */
export function ProjectNav({ slug }: { slug: string }) {
  return (
    <nav className="flex gap-4 border-b border-slate-200 text-sm" data-testid="project-nav">
      {TABS.map((tab) => (
        <Link key={tab.label} href={`/projects/${encodeURIComponent(slug)}${tab.href}`} className="pb-2 text-indigo-700 hover:underline">{tab.label}</Link>
      ))}
    </nav>
  );
}

import Link from "next/link";

const TABS = [
  { href: "", label: "Overview", testId: "nav-overview" },
  { href: "/settings", label: "Settings", testId: "nav-settings" },
  { href: "/keys", label: "JWT keys", testId: "nav-keys" },
  { href: "/domains", label: "Custom domains", testId: "domains-link" },
  { href: "/integrations", label: "Integrations", testId: "nav-integrations" },
  { href: "/members", label: "Members", testId: "nav-members" },
  { href: "/env", label: "Environment", testId: "nav-env" },
  { href: "/migrations", label: "Migrations", testId: "nav-migrations" },
  { href: "/backups", label: "Backups", testId: "nav-backups" },
  { href: "/audit", label: "Audit log", testId: "nav-audit" },
  { href: "/troubleshoot", label: "Troubleshoot", testId: "nav-troubleshoot" },
] as const;

/** The tabs of a project's pages. */
export function ProjectNav({ slug }: { slug: string }) {
  const base = `/projects/${encodeURIComponent(slug)}`;
  return (
    <nav className="flex flex-wrap gap-4 border-b border-slate-200 text-sm" data-testid="project-nav">
      {TABS.map((tab) => (
        <Link
          key={tab.testId}
          href={`${base}${tab.href}`}
          data-testid={tab.testId}
          className="pb-2 text-slate-600 hover:text-indigo-700"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

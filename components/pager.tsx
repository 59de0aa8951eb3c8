import Link from "next/link";
import type { Page } from "@/lib/api/pagination";

/** "Newer" / "Older" links over a limit/offset page. */
export function Pager({ page, basePath }: { page: Page<unknown>["page"]; basePath: string }) {
  const at = (offset: number) => `${basePath}?offset=${offset}&limit=${page.limit}`;
  return (
    <div className="flex justify-between text-sm" data-testid="pager">
      {page.offset > 0 ? (
        <Link href={at(Math.max(0, page.offset - page.limit))} className="text-indigo-700 hover:underline">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {page.nextOffset !== null ? (
        <Link href={at(page.nextOffset)} data-testid="pager-older" className="text-indigo-700 hover:underline">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </div>
  );
}

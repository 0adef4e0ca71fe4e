import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

interface PaginationProps {
  page: number;
  pageCount: number;
  total: number;
  /** Builds the href of a page, keeping the other filters. */
  href: (page: number) => string;
  noun?: string;
}

export function Pagination({ page, pageCount, total, href, noun = "items" }: PaginationProps) {
  if (pageCount <= 1) return <p className="mt-4 text-sm text-zinc-500">{total === 1 ? `1 ${noun.replace(/s$/, "")}` : `${total} ${noun}`}</p>;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3 text-sm">
      <p className="text-zinc-600">
        Page {page} of {pageCount} · {total} {noun}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClasses("secondary", "sm")} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={buttonClasses("secondary", "sm")} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

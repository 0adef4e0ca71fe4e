import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

interface KeysetPaginationProps {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  /** True when counting stopped at `total` (more exist). */
  totalCapped: boolean;
  previousHref: string | null;
  nextHref: string | null;
}

/**
 * Previous / Next over keyset cursors. The page number only labels where the
 * owner is; the cursor in the URL is what the server reads.
 */
export function KeysetPagination({ page, pageSize, shown, total, totalCapped, previousHref, nextHref }: KeysetPaginationProps) {
  const first = (page - 1) * pageSize + 1;
  const count = totalCapped ? `${total.toLocaleString("en")}+` : total.toLocaleString("en");
  const pages = totalCapped ? null : Math.max(1, Math.ceil(total / pageSize));
  const range = shown === 0 ? null : `${first.toLocaleString("en")}–${(first + shown - 1).toLocaleString("en")}`;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-zinc-600">
        {previousHref || nextHref ? (
          <>
            Page {page}
            {pages && page <= pages ? ` of ${pages}` : ""}
            {range ? ` · ${range} of ${count} tokens` : ""}
          </>
        ) : (
          <>{total === 1 ? "1 token" : `${count} tokens`}</>
        )}
      </p>
      {previousHref || nextHref ? (
        <div className="flex gap-2">
          {previousHref ? (
            <Link href={previousHref} className={buttonClasses("secondary", "sm")} rel="prev">
              Previous
            </Link>
          ) : (
            <span className={`${buttonClasses("secondary", "sm")} pointer-events-none opacity-50`} aria-disabled="true">
              Previous
            </span>
          )}
          {nextHref ? (
            <Link href={nextHref} className={buttonClasses("secondary", "sm")} rel="next">
              Next
            </Link>
          ) : (
            <span className={`${buttonClasses("secondary", "sm")} pointer-events-none opacity-50`} aria-disabled="true">
              Next
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}

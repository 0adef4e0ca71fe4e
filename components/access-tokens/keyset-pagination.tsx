import Link from "next/link";
import { tokenPageLinks } from "@/components/access-tokens/token-page-links";
import { buttonClasses } from "@/components/ui/button";
import { TOKEN_PAGE_SIZE, type TokenPage } from "@/lib/tokens/list-token-page";
import type { TokenListQuery } from "@/lib/tokens/schemas";

interface KeysetPaginationProps {
  /** The list's path; the links keep the query's filters. */
  pathname: string;
  query: TokenListQuery;
  result: TokenPage;
}

function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: string }) {
  return href ? (
    <Link href={href} className={buttonClasses("secondary", "sm")} rel={rel}>
      {children}
    </Link>
  ) : (
    <span className={`${buttonClasses("secondary", "sm")} pointer-events-none opacity-50`} aria-disabled="true">
      {children}
    </span>
  );
}

/**
 * Previous / Next over keyset cursors. The page number only labels where the
 * owner is; the cursor in the URL is what the server reads.
 */
export function KeysetPagination({ pathname, query, result }: KeysetPaginationProps) {
  const { page, previousHref, nextHref } = tokenPageLinks(pathname, query, result);
  const { total, totalCapped } = result;
  const shown = result.tokens.length;
  const pageSize = TOKEN_PAGE_SIZE;
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
          <PageLink href={previousHref} rel="prev">
            Previous
          </PageLink>
          <PageLink href={nextHref} rel="next">
            Next
          </PageLink>
        </div>
      ) : null}
    </nav>
  );
}

import type { TokenPage } from "@/lib/tokens/list-token-page";
import type { TokenListQuery } from "@/lib/tokens/schemas";

/** Previous/Next hrefs that keep the filters and carry the cursor and page label. */
export function tokenPageLinks(pathname: string, query: TokenListQuery, page: TokenPage) {
  const current = page.previousCursor ? query.page : 1;
  const href = (cursor: { after: string } | { before: string }, number: number) => {
    const params = new URLSearchParams();
    if (query.client) params.set("client", query.client);
    if (query.status !== "all") params.set("status", query.status);
    if (query.sort !== "created") params.set("sort", query.sort);
    if ("after" in cursor) params.set("after", cursor.after);
    else params.set("before", cursor.before);
    if (number > 1) params.set("page", String(number));
    return `${pathname}?${params}`;
  };
  return {
    page: current,
    nextHref: page.nextCursor ? href({ after: page.nextCursor }, current + 1) : null,
    previousHref: page.previousCursor ? href({ before: page.previousCursor }, Math.max(1, current - 1)) : null,
  };
}

"use client";
import { usePathname, useRouter } from "next/navigation";
import { useTransition, type ChangeEvent } from "react";
import { Button, Spinner } from "@/components/ui/button";
import { TOKEN_SORT_LABELS, TOKEN_SORTS, TOKEN_STATUS_LABELS, TOKEN_STATUSES, type TokenSort, type TokenStatus } from "@/lib/tokens/schemas";
import type { ClientOption } from "@/lib/tokens/list-client-options";

interface TokenFiltersProps {
  clients: ClientOption[];
  client: string;
  status: TokenStatus;
  sort: TokenSort;
}

const SELECT =
  "block w-full rounded-md border-0 bg-white py-2 pl-3 pr-8 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600";

/**
 * A plain GET form (works without JavaScript through Apply); with JavaScript a
 * change applies at once. Changing a filter starts again at the first page.
 */
export function TokenFilters({ clients, client, status, sort }: TokenFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function apply(event: ChangeEvent<HTMLSelectElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value && !(key === "status" && value === "all") && !(key === "sort" && value === "created")) {
        params.set(key, value);
      }
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap" aria-busy={pending || undefined}>
      <div className="col-span-2 space-y-1 sm:w-56">
        <label htmlFor="filter-client" className="block text-xs font-medium text-zinc-700">
          Client
        </label>
        <select id="filter-client" name="client" defaultValue={client} onChange={apply} className={SELECT}>
          <option value="">All clients</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1 sm:w-36">
        <label htmlFor="filter-status" className="block text-xs font-medium text-zinc-700">
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={status} onChange={apply} className={SELECT}>
          {TOKEN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TOKEN_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1 sm:w-52">
        <label htmlFor="filter-sort" className="block text-xs font-medium text-zinc-700">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={sort} onChange={apply} className={SELECT}>
          {TOKEN_SORTS.map((s) => (
            <option key={s} value={s}>
              {TOKEN_SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </noscript>
      {pending ? (
        <span className="col-span-2 flex items-center gap-2 pb-2 text-sm text-zinc-500" role="status">
          <Spinner /> Loading…
        </span>
      ) : null}
    </form>
  );
}

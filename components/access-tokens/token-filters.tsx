"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
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
 * A plain GET form, applied with its Apply button (without JavaScript too).
 * Not on each change: a keyboard user steps through a closed select's
 * options with the arrow keys, and each step would load the page and take
 * their focus. Applying starts again at the first page.
 */
export function TokenFilters({ clients, client, status, sort }: TokenFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // What the selects show: what the address says, until the owner changes them.
  // When the address changes (Apply, Back, a link) they show it again; the
  // form stays mounted, so the focus stays where it was.
  const fromAddress = { client, status, sort };
  const [shown, setShown] = useState({ ...fromAddress, address: fromAddress });
  if (shown.address.client !== client || shown.address.status !== status || shown.address.sort !== sort) {
    setShown({ ...fromAddress, address: fromAddress });
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value && !(key === "status" && value === "all") && !(key === "sort" && value === "created")) {
        params.set(key, value);
      }
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  const changed = shown.client !== client || shown.status !== status || shown.sort !== sort;

  return (
    <form method="get" onSubmit={apply} className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap" aria-busy={pending || undefined}>
      <div className="col-span-2 space-y-1 sm:w-56">
        <label htmlFor="filter-client" className="block text-xs font-medium text-zinc-700">
          Client
        </label>
        <select id="filter-client" name="client" value={shown.client} onChange={(e) => setShown({ ...shown, client: e.target.value })} className={SELECT}>
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
        <select
          id="filter-status"
          name="status"
          value={shown.status}
          onChange={(e) => setShown({ ...shown, status: e.target.value as TokenStatus })}
          className={SELECT}
        >
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
        <select id="filter-sort" name="sort" value={shown.sort} onChange={(e) => setShown({ ...shown, sort: e.target.value as TokenSort })} className={SELECT}>
          {TOKEN_SORTS.map((s) => (
            <option key={s} value={s}>
              {TOKEN_SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {/* Not disabled while the list loads: a disabled button would drop the keyboard focus. */}
      <Button type="submit" variant={changed ? "primary" : "secondary"}>
        Apply
      </Button>
      {pending ? (
        <span className="col-span-2 flex items-center gap-2 pb-2 text-sm text-zinc-500" role="status">
          <Spinner /> Loading…
        </span>
      ) : null}
    </form>
  );
}

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** A plain GET form, so a search is a shareable URL (?q=) and works without JavaScript. */
export function ClientSearchForm({ query }: { query: string }) {
  return (
    <form method="get" action="/user/oauth-clients" role="search" className="flex w-full gap-2 sm:w-auto">
      <label htmlFor="client-search" className="sr-only">
        Search clients by name
      </label>
      <input
        id="client-search"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={100}
        placeholder="Search by name"
        className="block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 text-sm shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 sm:w-64"
      />
      <button type="submit" className={buttonClasses("secondary")}>
        Search
      </button>
      {query ? (
        <Link href="/user/oauth-clients" className={buttonClasses("ghost")}>
          Clear
        </Link>
      ) : null}
    </form>
  );
}
